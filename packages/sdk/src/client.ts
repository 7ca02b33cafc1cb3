import { KeysmithConfigError } from "./errors.js";
import { LocalVerifier, type LocalVerifierOptions } from "./local/verifier.js";
import { type RequestSpec, send, type TransportOptions } from "./transport.js";
import type {
  AuditEvent,
  AuditList,
  CliLoginPoll,
  CliLoginStarted,
  CreatedKey,
  CreateKeyInput,
  Key,
  KeyImport,
  KeyImportResult,
  KeyList,
  LeakReport,
  LeakReportReceived,
  ListAuditQuery,
  ListKeysQuery,
  Me,
  RotatedKey,
  RotateKeyInput,
  UpdateKeyInput,
  VerifierSnapshot,
  VerifierUsageResult,
  VerifyRequest,
  VerifyResult,
} from "./types.js";

export interface KeysmithOptions {
  /** An API key; defaults to `KEYSMITH_API_KEY`. Verification needs none (see `keys.verify`). */
  apiKey?: string;
  /** Where Keysmith runs, e.g. `https://keys.example.com`; defaults to `KEYSMITH_URL`. */
  baseUrl?: string;
  /** The workspace to act in (id or slug), for a personal key whose owner is in several. */
  workspaceId?: string;
  /** How long one attempt may take, answer included (default 10 s). */
  timeoutMs?: number;
  /** Retries after a 429, a 5xx, a timeout or a network error (default 2); see `keys.create`. */
  retries?: number;
  /** The first retry's pause; each next one doubles, half of it random (default 250 ms). */
  retryDelayMs?: number;
  /** The longest pause between attempts; a longer `Retry-After` is not waited for (default 30 s). */
  maxRetryDelayMs?: number;
  /** A fetch of your own (default: the global one). */
  fetch?: typeof fetch;
}

/** Per call: a signal to cancel it (waits between retries included). */
export interface CallOptions {
  signal?: AbortSignal;
}

/** `process.env[name]` where there is a `process` (not on edge runtimes or in browsers). */
function env(name: string): string | undefined {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  const value = proc?.env?.[name];
  return value === "" ? undefined : value;
}

/**
 * Keysmith's API: verify keys, manage them, read the audit log.
 *
 * ```ts
 * const keysmith = new Keysmith(); // KEYSMITH_URL, KEYSMITH_API_KEY
 * const answer = await keysmith.keys.verify({ key, requiredScopes: ["tasks.read"] });
 * if (!answer.valid) console.log(answer.code); // "REVOKED", "INSUFFICIENT_SCOPE" …
 * ```
 */
export class Keysmith {
  readonly baseUrl: string;
  readonly keys: KeysApi;
  readonly audit: AuditApi;
  readonly cliLogin: CliLoginApi;
  private readonly transport: TransportOptions;

  constructor(options: KeysmithOptions = {}) {
    const baseUrl = options.baseUrl ?? env("KEYSMITH_URL");
    if (!baseUrl) {
      throw new KeysmithConfigError(
        'Keysmith\'s address is not set: pass the baseUrl option (new Keysmith({ baseUrl: "https://keys.example.com" })) or set KEYSMITH_URL',
      );
    }
    try {
      new URL(baseUrl);
    } catch {
      throw new KeysmithConfigError(
        `baseUrl (or KEYSMITH_URL) must be an absolute URL such as https://keys.example.com, not "${baseUrl}"`,
      );
    }
    this.baseUrl = baseUrl;
    this.transport = {
      baseUrl,
      apiKey: options.apiKey ?? env("KEYSMITH_API_KEY"),
      workspaceId: options.workspaceId,
      timeoutMs: options.timeoutMs ?? 10_000,
      retries: options.retries ?? 2,
      retryDelayMs: options.retryDelayMs ?? 250,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 30_000,
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    };
    this.keys = new KeysApi(this);
    this.audit = new AuditApi(this);
    this.cliLogin = new CliLoginApi(this);
  }

  /** The caller: user or key, workspace, role and effective scopes. */
  me(options?: CallOptions): Promise<Me> {
    return this.request({ method: "GET", path: "/api/v1/me", repeatable: true, ...options });
  }

  /**
   * An in-process verifier for the API key's workspace (the key needs `keys.verify`): it keeps
   * a copy of what verification needs (key hashes, never secrets), hears every change over
   * the event stream, and answers `verify(key, { requiredScopes, ip })` as the server would,
   * without a request. Node.js 22.4 or later.
   *
   * ```ts
   * const verifier = keysmith.createVerifier({ mode: "local" });
   * await verifier.ready();
   * const answer = await verifier.verify(key, { requiredScopes: ["tasks.read"], ip });
   * ```
   */
  createVerifier(options: LocalVerifierOptions): LocalVerifier {
    if (options?.mode !== "local") throw new KeysmithConfigError('createVerifier needs { mode: "local" }');
    const apiKey = this.transport.apiKey;
    if (!apiKey) {
      throw new KeysmithConfigError(
        "A local verifier needs a verifier key (scope keys.verify): pass the apiKey option or set KEYSMITH_API_KEY",
      );
    }
    return new LocalVerifier(
      {
        baseUrl: this.baseUrl,
        apiKey,
        workspaceId: this.transport.workspaceId,
        snapshot: (query) =>
          this.request<VerifierSnapshot>({
            method: "GET",
            path: "/api/v1/keys/verify/snapshot",
            query,
            repeatable: true,
          }),
        reportUsage: (body) =>
          this.request<VerifierUsageResult>({
            method: "POST",
            path: "/api/v1/keys/verify/usage",
            body,
            // Counts sent twice would be counted twice: a failed batch is kept and sent with the next.
            repeatable: false,
          }),
        verifyRemotely: (input) => this.keys.verify(input),
      },
      options,
    );
  }

  /** @internal */
  request<T>(spec: RequestSpec, needsKey = true): Promise<T> {
    if (needsKey && !this.transport.apiKey) {
      const message = `${spec.method} ${spec.path} needs an API key: pass the apiKey option or set KEYSMITH_API_KEY`;
      return Promise.reject(new KeysmithConfigError(message));
    }
    return send<T>(this.transport, spec);
  }
}

class KeysApi {
  constructor(private readonly client: Keysmith) {}

  /**
   * Is this key usable now? A refused key is an answer (`{valid: false, code: "REVOKED"}`),
   * not an error. Needs no API key; with one, the client is a verifier: its key must hold
   * `keys.verify`, and keys of other workspaces are answered `NOT_FOUND`. Retried like a read.
   */
  verify(input: VerifyRequest, options?: CallOptions): Promise<VerifyResult> {
    return this.client.request(
      { method: "POST", path: "/api/v1/keys/verify", body: input, repeatable: true, ...options },
      false,
    );
  }

  /**
   * Reports keys found where they should not be (1–100 a call, with `source` and `url`): each
   * live Keysmith key among them is revoked, or disabled if its workspace says so. Needs no API
   * key; the answer is the same whatever the keys were. Retried like a read: a repeated report
   * changes nothing more.
   */
  reportLeak(input: LeakReport, options?: CallOptions): Promise<LeakReportReceived> {
    return this.client.request(
      { method: "POST", path: "/api/v1/keys/report-leak", body: input, repeatable: true, ...options },
      false,
    );
  }

  /** One page of keys; `nextCursor` leads to the next (see `iterate`). */
  list(query: ListKeysQuery = {}, options?: CallOptions): Promise<KeyList> {
    const status = Array.isArray(query.status) ? query.status.join(",") : query.status;
    return this.client.request({
      method: "GET",
      path: "/api/v1/keys",
      query: { ...query, status },
      repeatable: true,
      ...options,
    });
  }

  /** Every key matching `query`, page after page: `for await (const key of keysmith.keys.iterate())`. */
  iterate(query: Omit<ListKeysQuery, "cursor" | "before"> = {}, options?: CallOptions): AsyncGenerator<Key> {
    return everyPage((cursor) => this.list({ ...query, cursor }, options));
  }

  get(id: string, options?: CallOptions): Promise<Key> {
    return this.client.request({
      method: "GET",
      path: `/api/v1/keys/${encodeURIComponent(id)}`,
      repeatable: true,
      ...options,
    });
  }

  /**
   * Creates a key; the answer holds its secret (`key`), the only time it is shown. Not
   * retried after a 5xx or a timeout (it may have been created): only after a 429 or a
   * refused connection, when it certainly was not.
   */
  create(input: CreateKeyInput, options?: CallOptions): Promise<CreatedKey> {
    return this.client.request({ method: "POST", path: "/api/v1/keys", body: input, repeatable: false, ...options });
  }

  /**
   * Brings in keys another product issued, by the SHA-256 of each secret (hex or base64url), up
   * to 1,000 a call, all or nothing; they then verify like keys made here. Retried like `create`
   * (a repeat of an import that happened would be a 409: its hashes are taken).
   */
  import(input: KeyImport, options?: CallOptions): Promise<KeyImportResult> {
    return this.client.request({
      method: "POST",
      path: "/api/v1/keys/import",
      body: input,
      repeatable: false,
      ...options,
    });
  }

  /** Name, description, scopes, IP allowlist, enabled. Retried like `create`. */
  update(id: string, input: UpdateKeyInput, options?: CallOptions): Promise<Key> {
    return this.client.request({
      method: "PATCH",
      path: `/api/v1/keys/${encodeURIComponent(id)}`,
      body: input,
      // Not repeated after a failure that may have reached the server: it would log a second audit event.
      repeatable: false,
      ...options,
    });
  }

  /**
   * A new secret with the same settings; the old key works for `gracePeriod` ("0" … "7d"). The new key
   * keeps the old one's expiry date, or with `expiry: "renew"` gets a fresh window of the same length
   * (an expired key can only be renewed: "keep" answers 409). Retried like `create`.
   */
  rotate(id: string, input: RotateKeyInput = {}, options?: CallOptions): Promise<RotatedKey> {
    return this.client.request({
      method: "POST",
      path: `/api/v1/keys/${encodeURIComponent(id)}/rotate`,
      body: input,
      repeatable: false,
      ...options,
    });
  }

  /** Revokes at once and for good; answers the revoked key. */
  revoke(id: string, options?: CallOptions): Promise<Key> {
    return this.client.request({
      method: "DELETE",
      path: `/api/v1/keys/${encodeURIComponent(id)}`,
      repeatable: true,
      ...options,
    });
  }
}

class AuditApi {
  constructor(private readonly client: Keysmith) {}

  /** One page of events, newest first; `nextCursor` leads to the next (see `iterate`). */
  list(query: ListAuditQuery = {}, options?: CallOptions): Promise<AuditList> {
    const iso = (date: string | Date | undefined) => (date instanceof Date ? date.toISOString() : date);
    return this.client.request({
      method: "GET",
      path: "/api/v1/audit",
      query: { ...query, from: iso(query.from), to: iso(query.to) },
      repeatable: true,
      ...options,
    });
  }

  /** Every event matching `query`, newest first, page after page. */
  iterate(query: Omit<ListAuditQuery, "cursor"> = {}, options?: CallOptions): AsyncGenerator<AuditEvent> {
    return everyPage((cursor) => this.list({ ...query, cursor }, options));
  }
}

export type { AuditApi, KeysApi };

/** Every item of every page, fetched one page at a time as the loop asks for more. */
async function* everyPage<Item>(
  page: (cursor: string | undefined) => Promise<{ data: Item[]; nextCursor: string | null }>,
): AsyncGenerator<Item> {
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    yield* next.data;
    cursor = next.nextCursor ?? undefined;
  } while (cursor);
}

/**
 * `keysmith login`'s device authorization: start a request (a code for the person, a poll
 * token for the program), then poll until it is approved or denied in the browser. Neither
 * needs an API key, and neither is repeated after a failure that may have reached the server:
 * the approved answer, with the new key's secret, comes once.
 */
class CliLoginApi {
  constructor(private readonly client: Keysmith) {}

  start(input: { deviceName: string }, options?: CallOptions): Promise<CliLoginStarted> {
    return this.client.request(
      { method: "POST", path: "/api/v1/cli/login", body: input, repeatable: false, ...options },
      false,
    );
  }

  poll(pollToken: string, options?: CallOptions): Promise<CliLoginPoll> {
    return this.client.request(
      { method: "POST", path: "/api/v1/cli/login/poll", body: { pollToken }, repeatable: false, ...options },
      false,
    );
  }
}

import { randomUUID } from "node:crypto";

/**
 * Keysmith's HTTP API as a signed-in workspace owner uses it: better-auth's email sign-up,
 * then the session cookie with a same-origin Origin header (the CSRF rule) on every call.
 * When a live-key action asks for a recent sign-in (after KEYSMITH_REAUTH_MAX_AGE_S), the
 * owner confirms their password, as the dashboard's dialog does, and retries.
 */
export interface CreatedKey {
  id: string;
  key: string;
}

export class OwnerClient {
  private readonly cookies = new Map<string, string>();
  private reauthenticating: Promise<void> | null = null;

  /** The workspace created at sign-up. */
  slug = "";

  private constructor(readonly baseUrl: string) {}

  /** The session's cookies, for a browser that should be signed in as this owner. */
  sessionCookies(): { name: string; value: string }[] {
    return [...this.cookies].map(([name, value]) => ({ name, value }));
  }

  /** Signs up a new user and creates a workspace (key prefix `sk`) they own. */
  static async signUp(baseUrl: string): Promise<OwnerClient> {
    const client = new OwnerClient(baseUrl);
    const id = randomUUID().slice(0, 8);
    await client.call("POST", "/api/auth/sign-up/email", 200, {
      name: "Bench Owner",
      email: `bench-${id}@example.com`,
      password: PASSWORD,
    });
    client.slug = `bench-${id}`;
    await client.call("POST", "/api/v1/workspaces", 201, { name: "Bench", slug: client.slug, keyPrefix: "sk" });
    return client;
  }

  createKey(name: string): Promise<CreatedKey> {
    return this.call("POST", "/api/v1/keys", 201, { name, environment: "live", scopes: ["keys.read"] });
  }

  /** With no grace period: the old key answers REVOKED at once. */
  rotateKey(id: string): Promise<CreatedKey> {
    return this.call("POST", `/api/v1/keys/${id}/rotate`, 201, { gracePeriod: 0 });
  }

  async revokeKey(id: string): Promise<void> {
    await this.call("DELETE", `/api/v1/keys/${id}`, 200);
  }

  /** Creates `count` keys, `concurrency` requests at a time (the dashboard's API, nothing faster). */
  async createKeys(count: number, concurrency: number, namePrefix = "bench"): Promise<CreatedKey[]> {
    const keys: CreatedKey[] = new Array(count);
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        keys[i] = await this.createKey(`${namePrefix}-${i}`);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return keys;
  }

  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field by the callers above
  private async call(method: string, path: string, status: number, body?: unknown): Promise<any> {
    try {
      return await this.send(method, path, status, body);
    } catch (error) {
      if (!(error instanceof StaleSession)) throw error;
      await this.reauthenticate();
      return this.send(method, path, status, body);
    }
  }

  /** One confirmation for all the calls that found the session stale at once. */
  private reauthenticate(): Promise<void> {
    this.reauthenticating ??= this.send("POST", "/api/v1/me/reauthenticate", 200, { password: PASSWORD }).finally(
      () => {
        this.reauthenticating = null;
      },
    );
    return this.reauthenticating;
  }

  // biome-ignore lint/suspicious/noExplicitAny: as call()
  private async send(method: string, path: string, status: number, body?: unknown): Promise<any> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        origin: this.baseUrl,
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // better-auth refreshes its cached session cookie now and then; keep what it sends.
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
    }
    const text = await res.text();
    if (res.status === 403 && text.includes('"REAUTHENTICATION_REQUIRED"')) throw new StaleSession();
    if (res.status !== status) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  }
}

const PASSWORD = "benchmark-password";

class StaleSession extends Error {}

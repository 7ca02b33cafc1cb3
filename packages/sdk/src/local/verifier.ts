import { KeysmithError } from "../errors.js";
import type {
  VerifierSnapshot,
  VerifierSnapshotEntry,
  VerifierUsage,
  VerifierUsageResult,
  VerifyCode,
  VerifyRequest,
  VerifyResult,
} from "../types.js";
import { type EntryCode, entryAnswer, evaluateEntry, keylessAnswer, type LocalEntry, toLocalEntry } from "./entry.js";
import { isForeignKeyCandidate, isWellFormedKey } from "./key-format.js";
import { BoundedSet, FixedWindowLimiter } from "./limits.js";
import { type NodeParts, nodeParts } from "./node.js";
import { EventStream, type StreamEvent } from "./stream.js";
import { UsageReporter } from "./usage.js";

export interface LocalVerifierOptions {
  mode: "local";
  /**
   * The longest the verifier answers from its copy without hearing from the server (default
   * 2,000 ms): past it, every verification is asked of the server until the copy is in sync
   * again. A key revoked while the stream is cut is refused at most this long after.
   */
  maxStalenessMs?: number;
  /** How often counted usage is sent to the server (default 2,000 ms; also on close). */
  usageIntervalMs?: number;
  /** How many hashes the server said it does not know are remembered (default 10,000). */
  maxUnknownKeys?: number;
  /** The user agent recorded as the keys' last use (default "keysmith-local-verifier"). */
  userAgent?: string;
}

export interface VerifyOptions {
  requiredScopes?: string[];
  /** The caller's address, checked against the key's IP allowlist. */
  ip?: string;
}

export interface LocalVerifierStats {
  /** Answered from the copy. */
  local: number;
  /** Asked of the server (stale copy, unknown or changing key, unusual input). */
  remote: number;
  keys: number;
  unknownRemembered: number;
  /** Whether verify() answers from the copy right now. */
  fresh: boolean;
  streamUp: boolean;
  events: number;
  fullSyncs: number;
  entryFetches: number;
  streamConnects: number;
  lastEventId: string | null;
  usageReported: number;
}

/** What the verifier needs from the client that made it. */
export interface VerifierLink {
  baseUrl: string;
  apiKey: string;
  workspaceId?: string;
  snapshot(query: { cursor?: string; keyId?: string; limit?: number }): Promise<VerifierSnapshot>;
  reportUsage(body: VerifierUsage): Promise<VerifierUsageResult>;
  verifyRemotely(input: VerifyRequest): Promise<VerifyResult>;
}

const SCOPE_PATTERN = /^[a-z][a-z0-9_-]{0,30}\.[a-z][a-z0-9_-]{0,30}$/;
/** Text the server parses as a key and answers MALFORMED (anything else it may refuse with a 400). */
const PLAIN_TEXT = /^[\x20-\x7e]{1,512}$/;
/** Characters the server's zod IP checks accept (node:net's isIP is then asked). */
const IP_TEXT = /^[0-9a-fA-F:.]{2,45}$/;

/**
 * An in-process verifier (`keysmith.createVerifier({ mode: "local" })`): a copy of what
 * verification needs in the verifier key's workspace (by key hash, never secrets), kept
 * current by the event stream, answering as the server's POST /api/v1/keys/verify would for
 * the same verifier key. See the README's "In-process verification".
 */
export class LocalVerifier {
  private readonly node: NodeParts;
  private readonly maxStalenessMs: number;
  private readonly stream: EventStream;
  private readonly usage: UsageReporter;
  private readonly limiter = new FixedWindowLimiter();
  private readonly unknown: BoundedSet;
  /** Keys the server knows but the snapshot does not hold (another workspace's personal keys): always asked. */
  private readonly remoteOnly = new BoundedSet(10_000);

  private byHash = new Map<string, LocalEntry>();
  private byKeyId = new Map<string, LocalEntry>();
  private workspaceId = "";
  /** The workspace holds imported keys: keys in other formats are looked up by hash, not MALFORMED. */
  private importedKeys = false;
  /** The copy matches the server as of the last event applied (false before the first sync and during a resync). */
  private trusted = false;
  /** Connected, and every event up to now applied (resumed). */
  private inSync = false;
  /** The last moment the verifier knew it had every event: it answers locally within maxStalenessMs of it. */
  private lastInSyncAt = 0;
  private lastEventId: string | null = null;
  /** Bumped by every full sync: entry fetches started before one are dropped. */
  private epoch = 0;
  /** Bumped by every event about a key: a fetch started before one is repeated. */
  private keyVersions = new Map<string, number>();
  private fetching = new Set<string>();
  /** Bumped whenever a key may have appeared: NOT_FOUND answers asked before it are not remembered. */
  private unknownGeneration = 0;
  private syncing = false;
  private syncAgain = false;
  /** Events that arrived during a full sync, applied on top of the new copy. */
  private buffered: StreamEvent[] | null = null;
  private closed = false;
  private readyWaiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private counts = { local: 0, remote: 0, events: 0, fullSyncs: 0, entryFetches: 0 };

  constructor(
    private readonly link: VerifierLink,
    options: LocalVerifierOptions,
  ) {
    this.node = nodeParts();
    this.maxStalenessMs = options.maxStalenessMs ?? 2_000;
    this.unknown = new BoundedSet(options.maxUnknownKeys ?? 10_000);
    this.usage = new UsageReporter(
      (body) => link.reportUsage(body),
      options.userAgent ?? "keysmith-local-verifier",
      options.usageIntervalMs ?? 2_000,
    );
    // Pinged four times per staleness window: a healthy stream is heard from well within it.
    const pingMs = Math.max(50, Math.min(15_000, Math.floor(this.maxStalenessMs / 4)));
    const url = new URL("api/v1/ws", link.baseUrl.endsWith("/") ? link.baseUrl : `${link.baseUrl}/`);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    this.stream = new EventStream(
      {
        url: url.toString(),
        token: link.apiKey,
        workspaceId: link.workspaceId,
        pingMs,
        silenceMs: Math.max(this.maxStalenessMs, 3 * pingMs),
      },
      {
        authenticated: () => this.onConnected(),
        event: (event) => this.onEvent(event),
        resumed: (complete) => (complete ? this.markInSync() : this.resync("resume incomplete")),
        resumeUnavailable: () => this.resync("resume unavailable"),
        heard: () => {
          if (this.inSync) this.lastInSyncAt = Date.now();
        },
        down: () => {
          this.inSync = false;
        },
      },
    );
    this.stream.start();
    this.usage.start();
  }

  /** Resolves once the verifier answers from its copy (snapshot downloaded, stream in sync). */
  ready(): Promise<void> {
    if (this.isFresh(Date.now())) return Promise.resolve();
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  /**
   * The server's answer for `key`, from the copy when it is fresh and knows the key, else from
   * the server (POST /api/v1/keys/verify with the verifier key). Errors as keys.verify's.
   */
  verify(key: string, options: VerifyOptions = {}): Promise<VerifyResult> {
    const answer = this.verifySync(key, options);
    return answer === null ? this.verifyRemotely(key, options) : Promise.resolve(answer);
  }

  /**
   * The answer from the copy, synchronously, or null when only the server can give it
   * right now (then call verify()). Never a stale answer: null past maxStalenessMs.
   */
  verifySync(key: string, options: VerifyOptions = {}): VerifyResult | null {
    const now = Date.now();
    if (!this.isFresh(now) || typeof key !== "string") return null;
    const { requiredScopes, ip } = options;
    if (ip !== undefined && !(typeof ip === "string" && IP_TEXT.test(ip) && this.node.isIP(ip) !== 0)) return null;
    if (requiredScopes !== undefined && !validScopes(requiredScopes)) return null;
    if (!this.mayBeKey(key)) {
      if (!PLAIN_TEXT.test(key)) return null;
      this.counts.local++;
      return keylessAnswer("MALFORMED");
    }
    const hash = this.node.sha256(key);
    const entry = this.byHash.get(hash);
    if (entry === undefined) {
      if (!this.unknown.has(hash)) return null;
      this.counts.local++;
      return keylessAnswer("NOT_FOUND");
    }
    // Changes to a personal key's owner in another workspace, or to an organization key's
    // creator's organization role, are not announced to this workspace: the server answers.
    if (entry.stale || entry.kind !== "workspace") return null;
    let code: VerifyCode | EntryCode = evaluateEntry(entry, now, ip);
    if (code === "NOT_FOUND") {
      this.counts.local++;
      return keylessAnswer("NOT_FOUND");
    }
    // The server's order (lib/verify/verifier.ts, handle.ts): the key's own limit counts VALID
    // answers, then the required scopes are checked.
    if (code === "VALID" && entry.rateLimit !== null) {
      if (this.limiter.hit(entry.keyId, entry.rateLimit.max, entry.rateLimit.windowMs, now)) code = "RATE_LIMITED";
    }
    if (code === "VALID" && requiredScopes !== undefined && requiredScopes.some((s) => !entry.scopes.includes(s))) {
      code = "INSUFFICIENT_SCOPE";
    }
    this.usage.count(entry.keyId, code === "VALID", now, ip ?? null);
    this.counts.local++;
    return entryAnswer(entry, code);
  }

  stats(): LocalVerifierStats {
    return {
      ...this.counts,
      keys: this.byHash.size,
      unknownRemembered: this.unknown.size,
      fresh: this.isFresh(Date.now()),
      streamUp: this.stream.isUp,
      streamConnects: this.stream.connects,
      lastEventId: this.lastEventId,
      usageReported: this.usage.reported,
    };
  }

  /** Stops the stream and sends the usage not yet reported. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stream.close();
    this.inSync = false;
    this.trusted = false;
    for (const waiter of this.readyWaiters.splice(0)) waiter.reject(new Error("The verifier was closed"));
    await this.usage.stop();
  }

  /** @internal Cuts the stream as a network failure would (it reconnects): for tests and benchmarks. */
  dropStream(): void {
    this.stream.drop();
  }

  /** A Keysmith key with its checksum right, or (where keys were imported) one in another format. */
  private mayBeKey(key: string): boolean {
    return isWellFormedKey(key, this.node.crc32) || (this.importedKeys && isForeignKeyCandidate(key));
  }

  private isFresh(now: number): boolean {
    return this.trusted && now - this.lastInSyncAt <= this.maxStalenessMs;
  }

  private async verifyRemotely(key: string, options: VerifyOptions): Promise<VerifyResult> {
    this.counts.remote++;
    const generation = this.unknownGeneration;
    const answer = await this.link.verifyRemotely({ key, requiredScopes: options.requiredScopes, ip: options.ip });
    if (typeof key !== "string" || !this.mayBeKey(key)) return answer;
    const hash = this.node.sha256(key);
    if (answer.code === "NOT_FOUND") {
      // Remembered only if no key can have appeared since the question was sent.
      if (generation === this.unknownGeneration && !this.byHash.has(hash)) this.unknown.add(hash);
    } else if (answer.keyId !== null && !this.byHash.has(hash) && !this.remoteOnly.has(hash)) {
      void this.fetchEntry(answer.keyId, hash);
    }
    return answer;
  }

  private onConnected(): void {
    if (!this.trusted || this.lastEventId === null) {
      this.resync(this.trusted ? "no event to resume from" : "start");
      return;
    }
    if (!this.syncing) this.stream.resume(this.lastEventId);
  }

  private markInSync(): void {
    if (this.syncing || !this.stream.isUp) return;
    this.inSync = true;
    this.lastInSyncAt = Date.now();
    if (this.trusted) for (const waiter of this.readyWaiters.splice(0)) waiter.resolve();
  }

  private onEvent(event: StreamEvent): void {
    this.counts.events++;
    if (this.buffered !== null) {
      this.buffered.push(event);
      // A flood during a long download: start over rather than hold it all.
      if (this.buffered.length > 10_000) {
        this.buffered = [];
        this.syncAgain = true;
      }
      return;
    }
    this.apply(event);
  }

  private apply(event: StreamEvent): void {
    if (typeof event.id === "string") this.lastEventId = event.id;
    const { keyId, newKeyId } = event.data ?? {};
    switch (event.event) {
      case "key.revoked": {
        // At once: a revoked key never comes back, so no answer from the server is needed.
        const entry = typeof keyId === "string" ? this.byKeyId.get(keyId) : undefined;
        if (entry) {
          entry.revoked = true;
          // A rotated key's REVOKED answer said ROTATED; revoked by hand, it says nothing more.
          delete entry.answers.REVOKED;
        }
        if (typeof keyId === "string") this.bumpKey(keyId);
        return;
      }
      case "key.created":
        this.keyMayHaveAppeared();
        if (typeof keyId === "string") void this.fetchEntry(keyId);
        return;
      case "key.rotated":
        this.keyMayHaveAppeared();
        if (typeof keyId === "string") this.changed(keyId);
        if (typeof newKeyId === "string") void this.fetchEntry(newKeyId);
        return;
      case "member.added":
      case "member.role_changed":
      case "member.removed":
      case "workspace.updated":
        // What keys may do changed in ways an entry cannot show alone: a new copy.
        this.resync(event.event);
        return;
      default:
        if (event.event.startsWith("key.") && typeof keyId === "string") this.changed(keyId);
    }
  }

  /** A key changed: asked of the server until its new entry is here. */
  private changed(keyId: string): void {
    const entry = this.byKeyId.get(keyId);
    if (entry) entry.stale = true;
    this.bumpKey(keyId);
    void this.fetchEntry(keyId);
  }

  private bumpKey(keyId: string): void {
    this.keyVersions.set(keyId, (this.keyVersions.get(keyId) ?? 0) + 1);
  }

  private keyMayHaveAppeared(): void {
    this.unknownGeneration++;
    this.unknown.clear();
  }

  /** Reads one key's entry (after an event, or after the server answered for a key the copy lacks). */
  private async fetchEntry(keyId: string, hash?: string, attempt = 0): Promise<void> {
    if (this.closed || this.fetching.has(keyId)) return;
    this.fetching.add(keyId);
    const epoch = this.epoch;
    const version = this.keyVersions.get(keyId) ?? 0;
    let entry: VerifierSnapshotEntry | undefined;
    let failed = false;
    try {
      this.counts.entryFetches++;
      const page = await this.link.snapshot({ keyId });
      entry = page.keys[0];
      // A key.created event may be an import's: the first one opens the lookup of other formats.
      if (page.importedKeys) this.importedKeys = true;
    } catch {
      failed = true;
    } finally {
      this.fetching.delete(keyId);
    }
    if (this.closed || epoch !== this.epoch) return; // a full sync replaced the copy meanwhile
    if (failed || version !== (this.keyVersions.get(keyId) ?? 0)) {
      // Read before a later change, or not at all: read again (the entry stays stale meanwhile).
      if (attempt < 5) setTimeout(() => void this.fetchEntry(keyId, hash, attempt + 1), failed ? 500 : 0);
      return;
    }
    const old = this.byKeyId.get(keyId);
    if (old) {
      this.byKeyId.delete(keyId);
      this.byHash.delete(old.hash);
    }
    if (!entry) {
      if (hash) this.remoteOnly.add(hash);
      return;
    }
    const local = toLocalEntry(entry, this.workspaceId, this.node);
    // Revocation is final: an entry read before the revoke's event must not undo it.
    if (old?.revoked) local.revoked = true;
    this.byHash.set(local.hash, local);
    this.byKeyId.set(local.keyId, local);
    this.unknown.delete(local.hash);
  }

  /** A new copy of everything, then the events after it; local answers stop until it is done. */
  private resync(_reason: string): void {
    if (this.closed) return;
    this.trusted = false;
    this.inSync = false;
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    this.syncing = true;
    void this.fullSync();
  }

  private async fullSync(): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      this.syncAgain = false;
      this.buffered = [];
      try {
        const pages = await this.downloadSnapshot();
        if (this.syncAgain) continue;
        this.install(pages);
        // An event applied on top of the copy may have asked for another one.
        if (this.syncAgain) continue;
        break;
      } catch (error) {
        this.buffered = null;
        if (error instanceof KeysmithError && (error.status === 401 || error.status === 403)) {
          for (const waiter of this.readyWaiters.splice(0)) waiter.reject(error);
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 200 * 2 ** attempt)));
      }
    }
    this.syncing = false;
    if (this.closed) return;
    if (this.lastEventId !== null && this.stream.isUp) this.stream.resume(this.lastEventId);
    else this.markInSync();
  }

  private async downloadSnapshot(): Promise<VerifierSnapshot[]> {
    const pages: VerifierSnapshot[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.link.snapshot({ cursor, limit: 1000 });
      pages.push(page);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && !this.closed);
    return pages;
  }

  private install(pages: VerifierSnapshot[]): void {
    const [first] = pages;
    this.workspaceId = first.workspaceId;
    this.importedKeys = pages.some((page) => page.importedKeys);
    const byHash = new Map<string, LocalEntry>();
    const byKeyId = new Map<string, LocalEntry>();
    for (const page of pages) {
      for (const source of page.keys) {
        const entry = toLocalEntry(source, first.workspaceId, this.node);
        byHash.set(entry.hash, entry);
        byKeyId.set(entry.keyId, entry);
      }
    }
    this.byHash = byHash;
    this.byKeyId = byKeyId;
    this.epoch++;
    this.keyVersions.clear();
    this.keyMayHaveAppeared();
    this.remoteOnly.clear();
    // The first page's event: every page holds at least the changes up to it.
    this.lastEventId = first.eventId;
    this.counts.fullSyncs++;
    this.trusted = true;
    const buffered = this.buffered ?? [];
    this.buffered = null;
    for (const event of buffered) this.apply(event);
  }
}

function validScopes(scopes: unknown): boolean {
  if (!Array.isArray(scopes) || scopes.length > 50) return false;
  for (const scope of scopes) if (typeof scope !== "string" || !SCOPE_PATTERN.test(scope)) return false;
  return true;
}

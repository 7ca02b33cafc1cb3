import { ApiError } from "../api/errors";
import { evaluateKey, type KeyRequest, type KeyVerdict } from "../keys/evaluate";
import { isForeignKeyCandidate } from "../keys/foreign-key";
import { isWellFormedKey } from "../keys/format";
import { hashKey } from "../keys/hash";
import type { KeyMembership } from "../keys/key-state";
import type { MaybePromise } from "../maybe-async";
import type { BatchLoader } from "./batch-loader";
import type { ImportedWorkspaces } from "./imported-workspaces";
import type { KeyCache, KeyEntry } from "./key-cache";
import type { KeyIndex } from "./key-index";
import type { LookupBudget } from "./lookup-budget";
import type { FixedWindowLimiter } from "./rate-limit";

export type CheckCode = KeyVerdict["code"] | "MALFORMED" | "RATE_LIMITED";

/** What a presented key may do now: the verdict, and the cached key it is about (if any). */
export interface KeyCheck {
  code: CheckCode;
  /** The key, unless it is malformed or unknown. */
  entry: KeyEntry | null;
  /** Where the key acts, for VALID. */
  membership: KeyMembership | null;
  /** For RATE_LIMITED (the key's own request limit): when it may be used again. */
  retryAfterMs: number;
}

export interface CheckRequest extends KeyRequest {
  /**
   * Who pays for a database lookup of a key this instance cannot vouch for: the calling
   * address, or a verifier key's workspace.
   */
  source: string;
}

export interface VerifierCounts {
  keyCacheHits: number;
  keyCacheMisses: number;
  /** Keys read from the database by the verifier. */
  keyLookups: number;
  /** Well-formed keys refused because the key index knows no such key (no database read). */
  unknownKeysRefused: number;
  /** Lookups refused by the budget (429). */
  budgetRefusals: number;
}

export interface VerifierParts {
  cache: KeyCache;
  index: KeyIndex;
  budget: LookupBudget;
  loader: BatchLoader;
  /** Each key's own request limit. */
  keyLimiter: FixedWindowLimiter;
  /** Where keys in another product's format may exist (imported by their hash). */
  imported: ImportedWorkspaces;
}

const MALFORMED: KeyCheck = Object.freeze({ code: "MALFORMED", entry: null, membership: null, retryAfterMs: 0 });
const NOT_FOUND: KeyCheck = Object.freeze({ code: "NOT_FOUND", entry: null, membership: null, retryAfterMs: 0 });

/**
 * The one way a presented key is judged, for the verify endpoint and for API-key
 * authentication alike. What a key costs decides how it is handled:
 * - malformed (bad checksum): refused with no lookup at all;
 * - not in Keysmith's format: the same, unless it may be an imported key (the caller's
 *   workspace, or for an anonymous caller any workspace, imported keys); then it goes the
 *   way of any other key below, by its hash;
 * - cached (known or remembered as unknown): answered from memory;
 * - unknown to the key index: refused with no database read;
 * - known to the index but not cached: read from the database (a real key; never budgeted);
 * - neither (another instance may have just created it): read from the database within the
 *   caller's lookup budget, and beyond it refused with 429, which no valid cached or indexed
 *   key ever is.
 * Synchronous whenever no database read is needed.
 */
export class Verifier {
  readonly counts: VerifierCounts = {
    keyCacheHits: 0,
    keyCacheMisses: 0,
    keyLookups: 0,
    unknownKeysRefused: 0,
    budgetRefusals: 0,
  };

  constructor(private readonly parts: VerifierParts) {}

  check(secret: string, request: CheckRequest): MaybePromise<KeyCheck> {
    if (!isWellFormedKey(secret) && !this.mayBeImported(secret, request)) return MALFORMED;
    const { cache, index, budget, loader } = this.parts;
    const hash = hashKey(secret);
    const cached = cache.get(hash, request.now);
    if (cached !== undefined) {
      this.counts.keyCacheHits++;
      return cached === null ? NOT_FOUND : this.decide(cached, request);
    }
    this.counts.keyCacheMisses++;
    const presence = index.presence(hash);
    if (presence === "absent") {
      this.counts.unknownKeysRefused++;
      return NOT_FOUND;
    }
    if (presence === "unknown") {
      const refused = budget.take(request.source, request.now);
      if (refused) {
        this.counts.budgetRefusals++;
        throw new ApiError(
          "RATE_LIMITED",
          refused.scope === "source"
            ? "Too many keys this server has never seen, from this caller: try again shortly"
            : "Too many keys this server has never seen: try again shortly",
          { reason: "LOOKUP_BUDGET", scope: refused.scope },
          { "retry-after": String(Math.max(1, Math.ceil(refused.retryAfterMs / 1000))) },
        );
      }
    }
    this.counts.keyLookups++;
    return cache
      .load(hash, request.now, () => loader.load(hash))
      .then((entry) => {
        if (entry === null) return NOT_FOUND;
        index.add(hash);
        return this.decide(entry, request);
      });
  }

  /** The gate for keys in other products' formats: checked only where an import makes one possible. */
  private mayBeImported(secret: string, request: CheckRequest): boolean {
    return this.parts.imported.admits(request.caller) && isForeignKeyCandidate(secret);
  }

  private decide(entry: KeyEntry, request: CheckRequest): KeyCheck {
    const plain = isPlain(request);
    const { now } = request;
    if (plain && entry.plainCheck !== null && now >= entry.plainFrom && now < entry.plainUntil) return entry.plainCheck;
    const { state } = entry;
    const verdict = evaluateKey(state, request);
    const check: KeyCheck = { code: verdict.code, entry, membership: verdict.membership, retryAfterMs: 0 };
    const limit = state.rateLimit;
    if (verdict.code === "VALID" && limit) {
      // Counted on every use: never held.
      const wait = this.parts.keyLimiter.hit(state.id, limit.max, limit.windowMs, now);
      return wait > 0 ? { code: "RATE_LIMITED", entry, membership: null, retryAfterMs: wait } : check;
    }
    if (plain) {
      // Before its expiry the verdict holds until then; after it, from then on.
      const expiresAt = state.expiresAt ?? Number.POSITIVE_INFINITY;
      entry.plainCheck = check;
      entry.plainFrom = now < expiresAt ? Number.NEGATIVE_INFINITY : expiresAt;
      entry.plainUntil = now < expiresAt ? expiresAt : Number.POSITIVE_INFINITY;
    }
    return check;
  }
}

/** An anonymous caller naming no address, workspace or organization: the key's state and the clock decide alone. */
function isPlain(request: CheckRequest): boolean {
  return request.caller.kind === "anonymous" && !request.ip && !request.workspaceHint && !request.organizationHint;
}

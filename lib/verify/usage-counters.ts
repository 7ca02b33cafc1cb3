/**
 * Per-key usage counts between two flushes, shaped for the garbage collector: one
 * long-lived record per key whose fields are overwritten with numbers in place. The
 * verification hot path allocates nothing here once a key has been seen, and a flush
 * resets the records instead of replacing them (a fresh map of fresh records every flush
 * was promoted out of the young generation each time and slowed every scavenge).
 */
export interface UsageSnapshot {
  keyId: string;
  /** Epoch ms of the latest successful use in this window, or null if there was none. */
  lastUsedAt: number | null;
  ip: string | null;
  userAgent: string | null;
  /** Hour start (epoch ms) → counts. */
  buckets: { hour: number; success: number; failure: number }[];
}

/**
 * A key's record. A caller that keeps a key at hand (a key-cache entry) may hold its record
 * too and count through it (countOn) without looking it up; once `dropped`, it counts no
 * more and the holder takes the key's current one (counter()).
 */
export interface KeyCounter {
  /** Dropped from the counters (idle): not flushed any more. */
  dropped: boolean;
  /** Start of the hour `success` and `failure` count. */
  hour: number;
  success: number;
  failure: number;
  /** Counts of other hours (an hour boundary passed, or a use arrived out of order); rare. */
  otherHours: Map<number, { success: number; failure: number }> | null;
  /** Latest successful use, epoch ms; 0 when none since the last flush. */
  lastUsedAt: number;
  ip: string | null;
  userAgent: string | null;
  /** The last-used time, address and user agent last handed to a flush (0: none yet). */
  writtenAt: number;
  writtenIp: string | null;
  writtenUserAgent: string | null;
  /** Flushes in a row that found nothing to write; idle records are dropped. */
  idleFlushes: number;
  /** Whether a flush has taken this record's counts since it was created. */
  flushed: boolean;
}

const HOUR_MS = 60 * 60 * 1000;
/**
 * A key's last-used time is written at most this often (sooner when its address or user agent
 * changes): rewriting a wide, indexed key row for every key in use every 2 seconds was most of
 * a flush's cost, and the dashboard shows last use to the minute.
 */
export const LAST_USED_PRECISION_MS = 60_000;

export class UsageCounters {
  private counters = new Map<string, KeyCounter>();

  get size(): number {
    return this.counters.size;
  }

  count(keyId: string, success: boolean, time: number, ip: string | null, userAgent: string | null): void {
    this.countOn(this.counter(keyId, time, ip, userAgent), success, time, ip, userAgent);
  }

  /** The record `keyId` is counted in, created (in the hour of `time`) if there is none. */
  counter(keyId: string, time: number, ip: string | null, userAgent: string | null): KeyCounter {
    let counter = this.counters.get(keyId);
    if (!counter) {
      counter = {
        dropped: false,
        hour: time - (time % HOUR_MS),
        success: 0,
        failure: 0,
        otherHours: null,
        lastUsedAt: 0,
        ip,
        userAgent,
        writtenAt: 0,
        writtenIp: null,
        writtenUserAgent: null,
        idleFlushes: 0,
        flushed: false,
      };
      this.counters.set(keyId, counter);
    }
    return counter;
  }

  /** A use counted in a record from counter(), which must not be dropped. */
  countOn(counter: KeyCounter, success: boolean, time: number, ip: string | null, userAgent: string | null): void {
    const hour = time - (time % HOUR_MS);
    if (hour !== counter.hour) moveToHour(counter, hour);
    if (success) {
      counter.success++;
      if (time >= counter.lastUsedAt) {
        counter.lastUsedAt = time;
        // Compare first: storing a fresh string per request would make this old record point
        // into the young generation.
        if (counter.ip !== ip) counter.ip = ip;
        if (counter.userAgent !== userAgent) counter.userAgent = userAgent;
      }
    } else counter.failure++;
  }

  /**
   * `success` and `failure` uses at once, in the hour of `time`: what an in-process verifier
   * counted since its last report (POST /api/v1/keys/verify/usage).
   */
  add(
    keyId: string,
    success: number,
    failure: number,
    time: number,
    ip: string | null,
    userAgent: string | null,
  ): void {
    if (success > 0) {
      this.count(keyId, true, time, ip, userAgent);
      // count() left the record on `time`'s hour: the rest of the uses belong there too.
      (this.counters.get(keyId) as KeyCounter).success += success - 1;
    }
    if (failure > 0) {
      this.count(keyId, false, time, ip, userAgent);
      (this.counters.get(keyId) as KeyCounter).failure += failure - 1;
    }
  }

  /**
   * What is counted, with those counters reset, for at most `limit` keys: the keys written
   * longest ago and the keys no flush has taken yet (so that a new key shows as used at
   * once), half the limit each when both are many. The others keep counting until a later
   * call. Records idle for two calls are dropped.
   */
  drain(limit = Number.POSITIVE_INFINITY): UsageSnapshot[] {
    const fresh: [string, KeyCounter][] = [];
    const waiting: [string, KeyCounter][] = [];
    // The map is in the order keys were last taken (taken ones move to its end): oldest first.
    for (const entry of this.counters) {
      const [keyId, counter] = entry;
      if (!hasCounts(counter)) {
        if (++counter.idleFlushes >= 2) {
          counter.dropped = true;
          this.counters.delete(keyId);
        }
        continue;
      }
      counter.idleFlushes = 0;
      if (!counter.flushed) fresh.push(entry);
      else if (waiting.length < limit) waiting.push(entry);
    }
    const oldest = Math.min(waiting.length, Math.ceil(limit / 2));
    const taken = waiting.slice(0, oldest).concat(fresh, waiting.slice(oldest)).slice(0, limit);
    return taken.map(([keyId, counter]) => this.take(keyId, counter));
  }

  private take(keyId: string, counter: KeyCounter): UsageSnapshot {
    const buckets: UsageSnapshot["buckets"] = [];
    if (counter.success || counter.failure) {
      buckets.push({ hour: counter.hour, success: counter.success, failure: counter.failure });
    }
    if (counter.otherHours) {
      for (const [hour, counts] of counter.otherHours) buckets.push({ hour, ...counts });
    }
    const lastUsedAt = lastUseToWrite(counter);
    counter.success = 0;
    counter.failure = 0;
    counter.otherHours = null;
    counter.lastUsedAt = 0;
    counter.flushed = true;
    this.counters.delete(keyId);
    this.counters.set(keyId, counter);
    return { keyId, lastUsedAt, ip: counter.ip, userAgent: counter.userAgent, buckets };
  }

  /** Puts back what a failed flush could not write, so the counts are not lost. */
  restore(snapshot: UsageSnapshot): void {
    for (const { hour, success, failure } of snapshot.buckets) {
      this.count(snapshot.keyId, false, hour, snapshot.ip, snapshot.userAgent);
      const counter = this.counters.get(snapshot.keyId) as KeyCounter;
      counter.failure += failure - 1;
      counter.success += success;
    }
    const counter = this.counters.get(snapshot.keyId);
    if (counter && snapshot.lastUsedAt !== null) {
      counter.writtenAt = 0; // it was not written after all
      if (snapshot.lastUsedAt > counter.lastUsedAt) {
        counter.lastUsedAt = snapshot.lastUsedAt;
        counter.ip = snapshot.ip;
        counter.userAgent = snapshot.userAgent;
      }
    }
  }
}

function hasCounts(counter: KeyCounter): boolean {
  return counter.success > 0 || counter.failure > 0 || (counter.otherHours?.size ?? 0) > 0;
}

/** The last use to write now, or null when the one written last is recent enough and alike. */
function lastUseToWrite(counter: KeyCounter): number | null {
  const { lastUsedAt } = counter;
  if (lastUsedAt === 0) return null;
  const alike = counter.ip === counter.writtenIp && counter.userAgent === counter.writtenUserAgent;
  if (alike && lastUsedAt - counter.writtenAt < LAST_USED_PRECISION_MS) return null;
  counter.writtenAt = lastUsedAt;
  counter.writtenIp = counter.ip;
  counter.writtenUserAgent = counter.userAgent;
  return lastUsedAt;
}

function moveToHour(counter: KeyCounter, hour: number): void {
  if (counter.success || counter.failure) {
    counter.otherHours ??= new Map();
    const kept = counter.otherHours.get(counter.hour);
    if (kept) {
      kept.success += counter.success;
      kept.failure += counter.failure;
    } else counter.otherHours.set(counter.hour, { success: counter.success, failure: counter.failure });
  }
  const earlier = counter.otherHours?.get(hour);
  counter.otherHours?.delete(hour);
  counter.hour = hour;
  counter.success = earlier?.success ?? 0;
  counter.failure = earlier?.failure ?? 0;
}

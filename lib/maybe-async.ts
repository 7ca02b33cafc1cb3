/**
 * A value now, or a promise of it later. The verification hot path answers cache hits
 * synchronously (no promise, no microtask) and only goes async on a cache miss.
 */
export type MaybePromise<T> = T | Promise<T>;

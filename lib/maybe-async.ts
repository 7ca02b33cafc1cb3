/**
 * A value now, or a promise of it later. The verification hot path answers cache hits
 * synchronously (no promise, no microtask) and only goes async on a cache miss.
 */
export type MaybePromise<T> = T | Promise<T>;

// Not named `then`: a module exporting `then` is itself thenable when imported dynamically.
export function mapMaybe<T, U>(value: MaybePromise<T>, fn: (value: T) => U): MaybePromise<U> {
  return value instanceof Promise ? value.then(fn) : fn(value);
}

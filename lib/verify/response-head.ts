/**
 * The head of a verify response on the node:http fast path: JSON for machines, never cached,
 * and constant headers only (nothing computed per request). A memoised answer carries its
 * own, built once (./answers.ts).
 */
export function responseHead(jsonBytes: number, extra?: Record<string, string>): Record<string, string | number> {
  return {
    "content-type": "application/json",
    "content-length": jsonBytes,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...extra,
  };
}

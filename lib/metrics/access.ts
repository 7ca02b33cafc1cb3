import { createHash, timingSafeEqual } from "node:crypto";
import { ApiError } from "../api/errors";

/**
 * Who may read /api/metrics: anyone on this machine (the address server.ts saw is a
 * loopback one), and from elsewhere only a scraper sending `Authorization: Bearer
 * <KEYSMITH_METRICS_TOKEN>`. Without a token configured, remote callers get nothing.
 */
export function checkMetricsAccess(
  clientIp: string | null,
  authorization: string | null,
  token: string | undefined,
): void {
  if (clientIp !== null && isLoopback(clientIp)) return;
  if (!token) {
    throw new ApiError(
      "UNAUTHORIZED",
      "Metrics are served to this machine only; set KEYSMITH_METRICS_TOKEN to let a remote scraper in",
      undefined,
      { "www-authenticate": "Bearer" },
    );
  }
  const presented = authorization?.startsWith("Bearer ") ? authorization.slice(7) : "";
  if (!sameSecret(presented, token)) {
    throw new ApiError("UNAUTHORIZED", "Send Authorization: Bearer <KEYSMITH_METRICS_TOKEN>", undefined, {
      "www-authenticate": "Bearer",
    });
  }
}

function isLoopback(ip: string): boolean {
  return ip === "::1" || ip.startsWith("127.");
}

/** Compares digests, so the time taken says nothing about the token. */
function sameSecret(a: string, b: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}

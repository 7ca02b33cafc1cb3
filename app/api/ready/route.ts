import { otherMethods } from "@/lib/api/other-methods";
import { checkReadiness } from "@/lib/db/readiness";
import { getRuntime } from "@/lib/runtime";

/**
 * Readiness for load balancers: 200 when the database answers and every migration is
 * applied; 503 otherwise, and from the moment shutdown begins (so traffic drains away).
 * /api/health stays the liveness probe.
 */
export async function GET(): Promise<Response> {
  const headers = { "cache-control": "no-store" };
  try {
    const runtime = await getRuntime();
    if (runtime.draining) return Response.json({ status: "stopping" }, { status: 503, headers });
    const readiness = await checkReadiness(runtime.database);
    const body = {
      status: readiness.ready ? "ready" : "not_ready",
      backend: runtime.database.backend,
      database: readiness.database,
      migrations: readiness.migrations,
      ...(readiness.errorCode ? { errorCode: readiness.errorCode } : {}),
      invalidationListener: runtime.relay?.state ?? null,
    };
    return Response.json(body, { status: readiness.ready ? 200 : 503, headers });
  } catch {
    return Response.json({ status: "not_ready", database: "unreachable" }, { status: 503, headers });
  }
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonBody } from "@/lib/api/request";
import { leakReportReceivedSchema, reportLeakSchema } from "@/lib/api/schemas/leaks";
import { requestMeta, withErrors } from "@/lib/auth/with-auth";
import { config } from "@/lib/config";
import { waitOutFloor } from "@/lib/leaks/even-timing";
import { assertLeakReportAllowed } from "@/lib/leaks/limit";
import { respondToLeakReport } from "@/lib/leaks/report";

// No credential: whoever finds a key reports it (GitHub's secret scanning, `keysmith scan --report`).
// The answer is the same, and as slow, whatever the keys were; limited per address.
export const POST = withErrors(async (req, runtime) => {
  const startedAt = performance.now();
  const meta = requestMeta(req);
  const now = runtime.now();
  if (config().KEYSMITH_AUTH_RATE_LIMIT) assertLeakReportAllowed(meta.ip, now);
  const report = await parseJsonBody(req, reportLeakSchema);
  await respondToLeakReport(runtime.database.db, report, meta, now);
  await waitOutFloor(startedAt);
  const body = leakReportReceivedSchema.parse({ received: report.keys.length });
  return Response.json(body, { status: 202, headers: { "cache-control": "no-store" } });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);

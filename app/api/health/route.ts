import { otherMethods } from "@/lib/api/other-methods";
import { getRuntime } from "@/lib/runtime";

/** Liveness for load balancers and test harnesses: the process is up and its database answers. */
export async function GET(): Promise<Response> {
  try {
    const runtime = await getRuntime();
    await runtime.database.db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: runtime.database.backend });
  } catch {
    return Response.json({ status: "error" }, { status: 503 });
  }
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

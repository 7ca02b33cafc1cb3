import { ApiError, toErrorResponse } from "@/lib/api/errors";
import { otherMethods } from "@/lib/api/other-methods";
import { getRuntime } from "@/lib/runtime";

// better-auth's own endpoints (sign-up, sign-in, sign-out, session). Its organization
// endpoints stay closed: they would change members, roles and workspaces with no audit
// event and no key-cache invalidation (here or on the other instances); /api/v1 does it all.
const CLOSED_PREFIX = "/api/auth/organization/";

async function handler(req: Request): Promise<Response> {
  if (new URL(req.url).pathname.startsWith(CLOSED_PREFIX)) {
    return toErrorResponse(new ApiError("NOT_FOUND", "Workspaces and members are managed through /api/v1"));
  }
  return (await getRuntime()).auth.handler(req);
}

export { handler as GET, handler as POST };

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);

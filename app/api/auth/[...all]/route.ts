import { ApiError, toErrorResponse } from "@/lib/api/errors";
import { assertSameOriginMutation } from "@/lib/auth/with-auth";
import { getRuntime } from "@/lib/runtime";

// better-auth's own endpoints (sign-up, sign-in, sign-out, session). Its organization
// endpoints stay closed: they would change members, roles and workspaces with no audit
// event and no key-cache invalidation (here or on the other instances); /api/v1 does it all.
const CLOSED_PREFIX = "/api/auth/organization/";

async function handler(req: Request): Promise<Response> {
  try {
    if (new URL(req.url).pathname.startsWith(CLOSED_PREFIX)) {
      throw new ApiError("NOT_FOUND", "Workspaces and members are managed through /api/v1");
    }
    const runtime = await getRuntime();
    // better-auth checks the Origin too, but reduces it with `new URL(…).origin`, which
    // accepts userinfo (`http://evil@localhost:3000`), and falls back to the Referer. Ours is
    // exact. A request with neither cookie nor Origin is no browser led astray (a script
    // signing in): better-auth's own checks still apply to it.
    if (req.headers.has("origin") || req.headers.has("cookie")) assertSameOriginMutation(req, runtime);
    return await runtime.auth.handler(req);
  } catch (error) {
    return toErrorResponse(error);
  }
}

export { handler as GET, handler as POST };

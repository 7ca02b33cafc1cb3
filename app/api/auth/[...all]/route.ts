import { toErrorResponse } from "@/lib/api/errors";
import { otherMethods } from "@/lib/api/other-methods";
import { assertSameOriginMutation } from "@/lib/auth/with-auth";
import { getRuntime } from "@/lib/runtime";

// better-auth's own endpoints: sign-up, sign-in, sign-out, session, profile. Workspaces,
// members and invitations are /api/v1's (lib/auth/auth.ts says why).
async function handler(req: Request): Promise<Response> {
  try {
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

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);

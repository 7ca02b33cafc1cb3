import { otherMethods } from "@/lib/api/other-methods";
import { getRuntime } from "@/lib/runtime";

// better-auth's own endpoints: sign-up, sign-in, sign-out, session, profile. Workspaces,
// members and invitations are /api/v1's (lib/auth/auth.ts says why).
async function handler(req: Request): Promise<Response> {
  return (await getRuntime()).auth.handler(req);
}

export { handler as GET, handler as POST };

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);

import { getRuntime } from "@/lib/runtime";

// better-auth's own endpoints (sign-up, sign-in, sign-out, session, organization).
async function handler(req: Request): Promise<Response> {
  return (await getRuntime()).auth.handler(req);
}

export { handler as GET, handler as POST };

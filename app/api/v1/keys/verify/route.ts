import { otherMethods } from "@/lib/api/other-methods";
import { readBodyText } from "@/lib/api/request";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import { presentedKey } from "@/lib/auth/key-credential";
import { requestMeta, withErrors } from "@/lib/auth/with-auth";
import { handleVerify, VERIFY_MAX_BODY_BYTES } from "@/lib/verify/handle";

// No credential needed: the key under test is the credential (a verifier key is optional).
// server.ts answers this path from node:http before Next is reached; this handler serves
// `?via=next` and any other way in, through the same code, so the answers are identical.
export const POST = withErrors(async (req, runtime) => {
  const text = await readBodyText(req, VERIFY_MAX_BODY_BYTES);
  const { status, body, headers } = await handleVerify(runtime, {
    text,
    contentType: req.headers.get("content-type"),
    ip: req.headers.get(CLIENT_IP_HEADER) ?? "",
    userAgent: requestMeta(req).userAgent,
    credential: presentedKey((name) => req.headers.get(name)),
    workspaceHint: req.headers.get("x-workspace-id"),
    organizationHint: req.headers.get("x-organization-id"),
  });
  return Response.json(body, { status, headers });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);

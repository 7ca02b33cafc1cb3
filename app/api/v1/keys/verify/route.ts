import { readBodyText } from "@/lib/api/request";
import { CLIENT_IP_HEADER, requestMeta, withErrors } from "@/lib/auth/with-auth";
import { handleVerify, VERIFY_MAX_BODY_BYTES } from "@/lib/verify/handle";

// No credential: the key under test is the credential. server.ts answers this path from
// node:http before Next is reached; this handler serves `?via=next` and any other way in,
// through the same code, so the answers are identical.
export const POST = withErrors(async (req, runtime) => {
  const text = await readBodyText(req, VERIFY_MAX_BODY_BYTES);
  const { status, body, headers } = await handleVerify(runtime, text, req.headers.get("content-type"), {
    ip: req.headers.get(CLIENT_IP_HEADER) ?? "",
    userAgent: requestMeta(req).userAgent,
  });
  return Response.json(body, { status, headers });
});

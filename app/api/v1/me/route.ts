import { otherMethods } from "@/lib/api/other-methods";
import { withAuth } from "@/lib/auth/with-auth";

export const GET = withAuth({}, async ({ principal }) =>
  Response.json({
    type: principal.type,
    user: { id: principal.userId, name: principal.userName },
    key: principal.keyId ? { id: principal.keyId, name: principal.keyName, kind: principal.keyKind } : null,
    workspace: { id: principal.workspace.id, slug: principal.workspace.slug, name: principal.workspace.name },
    role: principal.role,
    scopes: principal.scopes,
  }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

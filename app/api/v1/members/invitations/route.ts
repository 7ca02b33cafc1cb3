import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonBody } from "@/lib/api/request";
import { inviteMemberSchema } from "@/lib/api/schemas/members";
import { withAuth } from "@/lib/auth/with-auth";
import { publicBaseUrl } from "@/lib/config";
import { toInvitationView } from "@/lib/members/serialize";
import { inviteMember, listInvitations } from "@/lib/members/service";

export const GET = withAuth({ scope: "members.read" }, async ({ db, principal, now }) => {
  const rows = await listInvitations(db, principal.workspace.id, now);
  return Response.json({ data: rows.map((row) => toInvitationView(row, publicBaseUrl())) });
});

export const POST = withAuth({ scope: "members.write" }, async ({ req, db, principal, meta, now }) => {
  const input = await parseJsonBody(req, inviteMemberSchema);
  const invitation = await inviteMember(db, principal, input, meta, now);
  return Response.json(toInvitationView(invitation, publicBaseUrl()), { status: 201 });
});

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);

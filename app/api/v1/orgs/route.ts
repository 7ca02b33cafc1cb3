import { otherMethods } from "@/lib/api/other-methods";
import { withUser } from "@/lib/auth/with-auth";
import { listOrgMemberships } from "@/lib/orgs/lookup";

export const GET = withUser(async ({ db, user }) => {
  const memberships = await listOrgMemberships(db, user.id);
  return Response.json({ data: memberships.map(({ org, role }) => ({ ...org, role })) });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

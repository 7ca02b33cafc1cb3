import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonBody } from "@/lib/api/request";
import { changeOrgRoleSchema } from "@/lib/api/schemas/orgs";
import { withOrg } from "@/lib/auth/with-auth";
import { changeOrgRole } from "@/lib/orgs/service";

type Params = { org: string; user: string };

export const PATCH = withOrg<Params>(
  { roles: ["owner", "admin"] },
  async ({ req, db, user, signedInAt, org, role, params, meta }) => {
    const input = await parseJsonBody(req, changeOrgRoleSchema);
    return Response.json(await changeOrgRole(db, { user, org, role, signedInAt }, params.user, input, meta));
  },
);

export const { GET, POST, PUT, DELETE } = otherMethods(["PATCH"]);

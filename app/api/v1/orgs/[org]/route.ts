import { otherMethods } from "@/lib/api/other-methods";
import { parseJsonBody } from "@/lib/api/request";
import { updateOrgSchema } from "@/lib/api/schemas/orgs";
import { withOrg } from "@/lib/auth/with-auth";
import { orgDetail, renameOrg } from "@/lib/orgs/service";

export const GET = withOrg<{ org: string }>({}, async ({ db, user, org, role, now }) =>
  Response.json(await orgDetail(db, { user, org, role }, now)),
);

export const PATCH = withOrg<{ org: string }>(
  { roles: ["owner", "admin"] },
  async ({ req, db, user, org, role, meta }) => {
    const input = await parseJsonBody(req, updateOrgSchema);
    return Response.json({ ...(await renameOrg(db, { user, org, role }, input, meta)), role });
  },
);

export const { POST, PUT, DELETE } = otherMethods(["GET", "PATCH"]);

import { addMember, json, signUpWithWorkspace } from "../support/api";
import { expect, test } from "../support/test";

// A role change must go through /api/v1 (audited, and it drops the member's keys from every
// instance's cache): better-auth serves no organization endpoints that could bypass both.
test("better-auth has no organization endpoints: members and roles change only through /api/v1", async ({
  baseURL,
}) => {
  const owner = await signUpWithWorkspace(baseURL as string);
  const admin = await addMember(baseURL as string, owner, "admin");
  for (const [path, data] of [
    ["/api/auth/organization/update-member-role", { memberId: admin.memberId, role: "member" }],
    ["/api/auth/organization/remove-member", { memberIdOrEmail: admin.email }],
    ["/api/auth/organization/update", { data: { name: "Renamed behind our back" } }],
  ] as const) {
    const response = await owner.api.post(path, { data: { ...data, organizationId: owner.workspace.id } });
    expect(response.status(), path).toBe(404);
  }
  expect((await owner.api.get("/api/auth/organization/list")).status()).toBe(404);
  const members = await json(await owner.api.get("/api/v1/members"), 200);
  expect(members.data.find((m: { id: string }) => m.id === admin.memberId).role).toBe("admin");
  // Sign-in and sessions still work through better-auth.
  expect((await owner.api.get("/api/auth/get-session")).status()).toBe(200);
});

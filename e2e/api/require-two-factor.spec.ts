import { bearer, json } from "../support/api";
import { join, signUpOwner, signUpPerson } from "../support/people";
import { expect, test } from "../support/test";
import { enableTotp } from "../support/two-factor";

test("a workspace that requires two-factor refuses the sessions of members without it, not their keys", async ({
  baseURL,
}) => {
  const owner = await signUpOwner(baseURL!, "Ada Byron", "Vault");
  const member = await signUpPerson(baseURL!, "Charles Babbage");
  await join(owner, member, "member");
  const headers = { "x-workspace-id": owner.workspace.slug };
  const key = await json(await member.api.post("/api/v1/keys", { headers, data: { name: "Deploy bot" } }), 201);

  // Off by default; turning it on needs a second factor of one's own, or the owner would be shut out at once.
  expect((await json(await owner.api.get("/api/v1/workspace", { headers }), 200)).requireTwoFactor).toBe(false);
  const refused = await json(
    await owner.api.patch("/api/v1/workspace", { headers, data: { requireTwoFactor: true } }),
    400,
  );
  expect(refused.error.details.issues[0].field).toBe("requireTwoFactor");
  await enableTotp(owner.api);
  const saved = await json(
    await owner.api.patch("/api/v1/workspace", { headers, data: { requireTwoFactor: true } }),
    200,
  );
  expect(saved.requireTwoFactor).toBe(true);
  expect((await json(await owner.api.get("/api/v1/keys", { headers }), 200)).data.length).toBeGreaterThan(0);

  // The member's session is refused here with a message that says where to set it up…
  const blocked = await json(await member.api.get("/api/v1/keys", { headers }), 403);
  expect(blocked.error.code).toBe("FORBIDDEN");
  expect(blocked.error.message).toMatch(/two-factor authentication is required by this workspace/i);
  expect(blocked.error.message).toContain("/account");
  await json(await member.api.post("/api/v1/keys", { headers, data: { name: "Blocked" } }), 403);
  // …but their API key is not affected.
  const asKey = await json(await member.api.get("/api/v1/keys", { headers: bearer(key.key) }), 200);
  expect(asKey.data.map((k: { id: string }) => k.id)).toContain(key.id);

  // With TOTP on, the member gets in.
  await enableTotp(member.api);
  await json(await member.api.get("/api/v1/keys", { headers }), 200);

  // Turning it off needs no second factor and lets everyone in again.
  await json(await owner.api.patch("/api/v1/workspace", { headers, data: { requireTwoFactor: false } }), 200);
});

test("requireTwoFactor takes a boolean, and only owners and admins may change it", async ({ baseURL }) => {
  const owner = await signUpOwner(baseURL!, "Grace Murray", "Ledger");
  const member = await signUpPerson(baseURL!, "Howard Aiken");
  await join(owner, member, "member");
  const headers = { "x-workspace-id": owner.workspace.slug };
  const bad = await json(
    await owner.api.patch("/api/v1/workspace", { headers, data: { requireTwoFactor: "yes" } }),
    400,
  );
  expect(bad.error.details.issues[0].field).toBe("requireTwoFactor");
  await json(await member.api.patch("/api/v1/workspace", { headers, data: { requireTwoFactor: false } }), 403);
});

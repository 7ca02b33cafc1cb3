import { json, PASSWORD, signUp } from "../support/api";
import { expect, test } from "../support/test";

test.describe("API: profile name", () => {
  test("better-auth's update-user keeps names within the form's rule; the new name is what the API reports", async ({
    baseURL,
  }) => {
    const user = await signUp(baseURL!, "renamer");
    for (const name of ["   ", "x".repeat(101)]) {
      const refused = await user.api.post("/api/auth/update-user", { data: { name } });
      expect(refused.status()).toBe(400);
      expect((await refused.json()).message).toMatch(/^name: /);
    }
    await json(await user.api.post("/api/auth/update-user", { data: { name: "  Renée Renamed  " } }), 200);
    await json(
      await user.api.post("/api/v1/workspaces", { data: { name: "Renamed", slug: `renamed-${Date.now()}` } }),
      201,
    );
    expect((await json(await user.api.get("/api/v1/me"), 200)).user.name).toBe("Renée Renamed");
  });

  test("sign-up refuses an empty name", async ({ baseURL, playwright }) => {
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
    const refused = await api.post("/api/auth/sign-up/email", {
      data: { name: " ", email: `blank-${Date.now()}@example.com`, password: PASSWORD },
    });
    expect(refused.status()).toBe(400);
    await api.dispose();
  });
});

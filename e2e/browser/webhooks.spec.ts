import { expect, test } from "@playwright/test";
import { json } from "../support/api";
import { lookAt } from "../support/look";
import { browserAs, signUpOwner } from "../support/people";
import { screenshotOf } from "../support/screenshots";
import { freePort } from "../support/server";
import { expectSigned, startReceiver } from "../support/webhook-receiver";

// Each lookAt runs axe in light and dark.
test.describe.configure({ timeout: 180_000 });

test("add an endpoint, see its secret once, send a test event and see it in the delivery log", async ({
  browser,
  baseURL,
}, testInfo) => {
  const receiver = await startReceiver(await freePort());
  try {
    const owner = await signUpOwner(baseURL!, "Wendy Webhook", "Hooksville", "hk");
    const context = await browserAs(browser, owner);
    const page = await context.newPage();

    // From Settings, by keyboard: the Webhooks card leads to the page.
    await page.goto(`/${owner.workspace.slug}/settings`);
    const card = page.getByRole("link", { name: /Webhooks/ });
    await card.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    await expect(page.getByText("No endpoints yet")).toBeVisible();
    await lookAt(page, testInfo, "webhooks-empty");

    // Add an endpoint: a private-looking URL is fine here (the test server allows loopback); a
    // bad URL and no events are explained in place.
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const dialog = page.getByRole("dialog", { name: "Add an endpoint" });
    await dialog.getByLabel("Endpoint URL").fill("not a url");
    await dialog.getByRole("checkbox", { name: /All key events/ }).uncheck();
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    await expect(dialog.getByText("Enter a full URL, such as https://example.com/webhooks")).toBeVisible();
    await expect(dialog.getByText("Choose at least one event")).toBeVisible();
    await dialog.getByLabel("Endpoint URL").fill(receiver.url);
    await dialog.getByRole("checkbox", { name: /All key events/ }).check();
    await dialog.getByRole("checkbox", { name: /Member removed/ }).check();
    await lookAt(page, testInfo, "webhooks-add-dialog");
    await dialog.getByRole("button", { name: "Add endpoint" }).click();

    // The secret, once: copy it, then "I have saved it".
    const reveal = page.getByRole("dialog", { name: /signing secret/ });
    const secret = (await reveal.getByTestId("webhook-secret").textContent()) ?? "";
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    await reveal.getByRole("button", { name: "Copy secret" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await screenshotOf(reveal, testInfo, "webhooks-secret");
    // Esc does not lose it.
    await page.keyboard.press("Escape");
    await expect(reveal).toBeVisible();
    await reveal.getByRole("button", { name: "I have saved it" }).click();
    await expect(reveal).toBeHidden();
    await expect(page.getByText(secret)).toHaveCount(0);

    const endpoint = page.getByRole("region", { name: receiver.url });
    await expect(endpoint.getByText("Enabled")).toBeVisible();
    await expect(endpoint.getByRole("list", { name: "Events" })).toContainText("key.*");
    await expect(endpoint.getByText("No deliveries yet")).toBeVisible();

    // Send a test event: it arrives signed with that secret, and the log shows it delivered.
    await endpoint.getByRole("button", { name: "Send test event" }).click();
    const arrived = await receiver.waitFor(() => true);
    expect(expectSigned(secret, arrived).type).toBe("webhook.test");
    const row = endpoint.getByTestId("webhook-delivery").first();
    await expect(row).toContainText("webhook.test");
    await expect(row).toContainText("Delivered");
    await expect(row).toContainText("200");
    await expect(row).toContainText("thanks");
    await expect(row).toContainText(/\d+ ms/);

    // A real event too: a key created elsewhere shows up in the log on its own.
    await json(await owner.api.post("/api/v1/keys", { data: { name: "From the API" } }), 201);
    await expect(endpoint.getByTestId("webhook-delivery").filter({ hasText: "key.created" })).toContainText(
      "Delivered",
    );
    // Redeliver from the log.
    await endpoint
      .getByTestId("webhook-delivery")
      .filter({ hasText: "webhook.test" })
      .getByRole("button", { name: /Redeliver/ })
      .click();
    await expect(endpoint.getByTestId("webhook-delivery").filter({ hasText: "webhook.test" })).toHaveCount(2);
    await expect
      .poll(() => receiver.received.filter((r) => r.headers["webhook-id"] === arrived.headers["webhook-id"]).length)
      .toBe(2);
    await lookAt(page, testInfo, "webhooks-log");

    // Rotate: a new secret, shown once.
    await endpoint.getByRole("button", { name: "Rotate secret" }).click();
    await page
      .getByRole("dialog", { name: "Rotate the signing secret?" })
      .getByRole("button", { name: "Rotate secret" })
      .click();
    const rotated = page.getByRole("dialog", { name: "The new signing secret" });
    const newSecret = (await rotated.getByTestId("webhook-secret").textContent()) ?? "";
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);
    await rotated.getByRole("button", { name: "I have saved it" }).click();

    // Edit: turn it off; the test button then explains itself by being disabled.
    await endpoint.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: "Edit endpoint" });
    await edit.getByRole("switch", { name: "Send events to this endpoint" }).click();
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(endpoint.getByText("Disabled", { exact: true })).toBeVisible();
    await expect(endpoint.getByRole("button", { name: "Send test event" })).toBeDisabled();

    // Delete.
    await endpoint.getByRole("button", { name: "Delete" }).click();
    await page
      .getByRole("dialog", { name: "Delete this endpoint?" })
      .getByRole("button", { name: "Delete endpoint" })
      .click();
    await expect(page.getByText("No endpoints yet")).toBeVisible();
    await context.close();
  } finally {
    await receiver.close();
  }
});

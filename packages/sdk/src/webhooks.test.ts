import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyWebhook, WebhookVerificationError } from "./webhooks";

// Signed here with node:crypto, straight from the specification, not with Keysmith's signer.
const secret = `whsec_${Buffer.from("a test secret of thirty-two bytes").toString("base64")}`;
const body = JSON.stringify({
  type: "key.created",
  timestamp: "2026-12-05T10:00:00.000Z",
  data: { workspaceId: "ws_1" },
});
const now = new Date("2026-12-05T10:00:05Z");
const timestamp = String(Math.floor(now.getTime() / 1000) - 5);

function signed(content = body, at = timestamp, id = "msg_1") {
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${at}.${content}`).digest("base64");
  return { "webhook-id": id, "webhook-timestamp": at, "webhook-signature": `v1,${signature}` };
}

describe("verifyWebhook", () => {
  it("accepts a delivery signed per the spec, from plain headers or a Headers object, text or bytes", async () => {
    expect((await verifyWebhook(secret, signed(), body, { now })).type).toBe("key.created");
    const headers = new Headers(signed());
    expect((await verifyWebhook(secret, headers, new TextEncoder().encode(body), { now })).data.workspaceId).toBe(
      "ws_1",
    );
    // Several signatures (during a rotation): one match is enough.
    const both = { ...signed(), "webhook-signature": `v1,AAAA ${signed()["webhook-signature"]}` };
    await expect(verifyWebhook(secret, both, body, { now })).resolves.toBeTruthy();
  });

  it("rejects a tampered body, another id, a wrong secret and missing headers", async () => {
    const reject = async (promise: Promise<unknown>, code: string) => {
      const error = await promise.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect((error as WebhookVerificationError).code).toBe(code);
    };
    await reject(verifyWebhook(secret, signed(), body.replace("ws_1", "ws_2"), { now }), "INVALID_SIGNATURE");
    await reject(verifyWebhook(secret, { ...signed(), "webhook-id": "msg_2" }, body, { now }), "INVALID_SIGNATURE");
    const other = `whsec_${Buffer.from("another secret entirely, 32 byte").toString("base64")}`;
    await reject(verifyWebhook(other, signed(), body, { now }), "INVALID_SIGNATURE");
    const { "webhook-signature": _, ...unsigned } = signed();
    await reject(verifyWebhook(secret, unsigned, body, { now }), "MISSING_HEADER");
  });

  it("rejects timestamps outside the tolerance, either way", async () => {
    const old = String(Math.floor(now.getTime() / 1000) - 301);
    const ahead = String(Math.floor(now.getTime() / 1000) + 301);
    await expect(verifyWebhook(secret, signed(body, old), body, { now })).rejects.toThrow(/old/);
    await expect(verifyWebhook(secret, signed(body, ahead), body, { now })).rejects.toThrow(/ahead/);
    await expect(verifyWebhook(secret, signed(body, old), body, { now, toleranceSeconds: 600 })).resolves.toBeTruthy();
  });
});

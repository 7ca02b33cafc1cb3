import { describe, expect, it } from "vitest";
import { newWebhookSecret, signWebhook, webhookHeaders } from "./signature";

describe("webhook signatures", () => {
  it("match the Standard Webhooks reference libraries' test vector", () => {
    // From standard-webhooks/libraries (javascript/src/webhook.test.ts).
    const signature = signWebhook(
      "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      "msg_p5jXN8AQM9LWM0D4loKWxJek",
      1614265330,
      '{"test": 2432232314}',
    );
    expect(signature).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("makes whsec_ secrets of 32 random bytes and whole-second timestamps", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
    const headers = webhookHeaders(secret, "msg_1", new Date("2026-12-05T10:00:00.900Z"), "{}");
    expect(headers["webhook-timestamp"]).toBe("1796464800");
    expect(headers["webhook-signature"]).toBe(signWebhook(secret, "msg_1", 1796464800, "{}"));
  });
});

import { describe, expect, it } from "vitest";
import { createWebhookSchema } from "../api/schemas/webhooks";
import { AUDIT_ACTIONS } from "../audit/actions";
import { eventFamilies, isSubscribableEvent, subscribesTo } from "./events";

describe("webhook events", () => {
  it("are the audit log's actions, their families and *, read from AUDIT_ACTIONS", () => {
    for (const action of AUDIT_ACTIONS) expect(isSubscribableEvent(action), action).toBe(true);
    expect(eventFamilies()).toEqual(expect.arrayContaining(["key.*", "member.*", "workspace.*", "webhook.*"]));
    expect(isSubscribableEvent("*")).toBe(true);
    for (const name of ["key.nope", "nope.*", "key", "", "key.**"]) expect(isSubscribableEvent(name), name).toBe(false);
  });

  it("match by name, family or everything", () => {
    expect(subscribesTo(["key.*"], "key.revoked")).toBe(true);
    expect(subscribesTo(["key.created"], "key.revoked")).toBe(false);
    expect(subscribesTo(["*"], "member.removed")).toBe(true);
  });

  it("accept the event stream's names, stored as the audit log's", () => {
    const parsed = createWebhookSchema.parse({
      url: "https://example.com/hook",
      events: ["workspace.updated", "member.added", "key.*", "key.*"],
    });
    expect(parsed.events).toEqual(["workspace.settings_changed", "member.joined", "key.*"]);
  });
});

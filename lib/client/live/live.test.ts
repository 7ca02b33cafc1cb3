import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { KeyList, KeyView } from "../../api/schemas/keys";
import { auditKeys } from "../queries/audit";
import { keyKeys } from "../queries/keys";
import { applyLiveEvent } from "./apply";
import { describeLiveEvent, isSelf } from "./describe";
import { type LiveEvent, parseServerMessage } from "./protocol";

const bob = { type: "user" as const, id: "usr_bob", label: "Bob Admin" };
const event = (name: string, data: LiveEvent["data"] = {}): LiveEvent => ({
  type: "event",
  id: "evt_1",
  event: name,
  at: "2026-12-04T10:00:00.000Z",
  workspaceId: "ws_1",
  data: { actor: bob, ...data },
});

describe("describeLiveEvent", () => {
  it("says who did what to which key", () => {
    expect(describeLiveEvent(event("key.created", { keyId: "k1", metadata: { name: "Billing" } }))).toEqual({
      title: "Bob Admin created “Billing”",
    });
    expect(
      describeLiveEvent(
        event("key.updated", { keyId: "k1", metadata: { name: "Billing", changed: ["name", "ipAllowlist"] } }),
      ),
    ).toEqual({ title: "Bob Admin edited “Billing”", description: "Changed: name, IP allowlist" });
    expect(
      describeLiveEvent(event("key.rotated", { keyId: "k1", metadata: { name: "Billing", graceSeconds: 86_400 } })),
    ).toEqual({ title: "Bob Admin rotated “Billing”", description: "The old key keeps working for 1 day." });
    expect(describeLiveEvent(event("key.rotated", { metadata: { graceSeconds: 0 } }))?.description).toBe(
      "The old key stopped working.",
    );
    expect(describeLiveEvent(event("key.revoked", { target: { type: "key", id: "k1", label: "Old" } }))?.title).toBe(
      "Bob Admin revoked “Old”",
    );
  });

  it("stays quiet about a rotation's new key and about events that are not about keys", () => {
    expect(describeLiveEvent(event("key.created", { metadata: { name: "Billing", replaces: "k0" } }))).toBeNull();
    expect(describeLiveEvent(event("member.added", { userId: "usr_x" }))).toBeNull();
  });

  it("names a key that acted, and someone when the stream did not say who", () => {
    const byKey = event("key.revoked", { actor: { type: "key", id: "k9", label: "CI" }, metadata: { name: "A" } });
    expect(describeLiveEvent(byKey)?.title).toBe("The key “CI” revoked “A”");
    expect(describeLiveEvent({ ...byKey, data: { metadata: { name: "A" } } })?.title).toBe("Someone revoked “A”");
  });

  it("knows the signed-in user's own changes", () => {
    expect(isSelf(bob, "usr_bob")).toBe(true);
    expect(isSelf(bob, "usr_ada")).toBe(false);
    expect(isSelf({ type: "key", id: "usr_bob", label: null }, "usr_bob")).toBe(false);
  });
});

describe("parseServerMessage", () => {
  it("reads events and ignores what is not a message", () => {
    expect(parseServerMessage(JSON.stringify(event("key.revoked")))).toMatchObject({ type: "event", id: "evt_1" });
    expect(parseServerMessage(JSON.stringify({ type: "event", id: "e" }))).toBeNull();
    expect(parseServerMessage("{")).toBeNull();
    expect(parseServerMessage(new ArrayBuffer(2))).toBeNull();
  });
});

const key = (id: string, name: string): KeyView => ({ id, name, status: "active", revokedAt: null }) as KeyView;

describe("applyLiveEvent", () => {
  function cached() {
    const client = new QueryClient();
    const list = (keys: KeyView[]): KeyList => ({ data: keys }) as KeyList;
    client.setQueryData([...keyKeys.lists("acme"), "limit=50"], list([key("k1", "One"), key("k2", "Two")]));
    client.setQueryData([...keyKeys.lists("acme"), "status=active&limit=50"], list([key("k1", "One")]));
    client.setQueryData(keyKeys.detail("acme", "k1"), key("k1", "One"));
    client.setQueryData([...auditKeys.all("acme"), "page", "", 25, null], { data: [] });
    return client;
  }
  const rows = (client: QueryClient, query: string) =>
    client.getQueryData<KeyList>([...keyKeys.lists("acme"), query])?.data.map((k) => `${k.id}:${k.name}:${k.status}`);

  it("shows a revocation at once, in the lists and on the key's page, and marks them stale", async () => {
    const client = cached();
    await applyLiveEvent(client, "acme", event("key.revoked", { keyId: "k1", metadata: { name: "One" } }));
    expect(rows(client, "limit=50")).toEqual(["k1:One:revoked", "k2:Two:active"]);
    expect(rows(client, "status=active&limit=50")).toEqual([]); // it leaves a list of active keys
    expect(client.getQueryData<KeyView>(keyKeys.detail("acme", "k1"))?.revokedAt).toBe("2026-12-04T10:00:00.000Z");
    expect(client.getQueryState([...keyKeys.lists("acme"), "limit=50"])?.isInvalidated).toBe(true);
    expect(client.getQueryState(keyKeys.detail("acme", "k1"))?.isInvalidated).toBe(true);
    expect(client.getQueryState([...auditKeys.all("acme"), "page", "", 25, null])?.isInvalidated).toBe(true);
  });

  it("renames in place, and leaves other keys' pages alone", async () => {
    const client = cached();
    client.setQueryData(keyKeys.detail("acme", "k2"), key("k2", "Two"));
    await applyLiveEvent(
      client,
      "acme",
      event("key.updated", { keyId: "k1", metadata: { name: "Uno", changed: ["name"] } }),
    );
    expect(rows(client, "limit=50")).toEqual(["k1:Uno:active", "k2:Two:active"]);
    expect(client.getQueryState(keyKeys.detail("acme", "k2"))?.isInvalidated).toBe(false);
  });
});

import type { APIRequestContext } from "@playwright/test";
import { addMember, createKey, json, signUpWithWorkspace } from "../support/api";
import { authedStream, nextEvent, openStream, openStreamWithHeaders } from "../support/stream";
import { expect, test } from "../support/test";

/** The Cookie header a browser on our pages would send. */
async function cookieOf(api: APIRequestContext): Promise<string> {
  const { cookies } = await api.storageState();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

test.describe("the event stream (GET /api/v1/ws)", () => {
  test("the Miteos handshake with Node's WebSocket, then the workspace's events without a secret or hash", async ({
    baseURL,
  }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const listener = await createKey(owner.api, { name: "Listener", scopes: ["keys.read"] });

    const stream = await openStream(baseURL!, `?token=${listener.key}`);
    stream.send({ type: "auth", token: listener.key });
    expect(await stream.next()).toEqual({
      type: "auth.success",
      message: "Authenticated successfully",
      workspaceId: owner.workspace.id,
      scopes: ["keys.read"],
    });

    const created = await createKey(owner.api, { name: "Billing service", scopes: ["keys.read"] });
    const event = await nextEvent(stream, "key.created");
    expect(event).toMatchObject({
      type: "event",
      id: expect.stringMatching(/^evt_/),
      event: "key.created",
      workspaceId: owner.workspace.id,
      data: {
        keyId: created.id,
        actor: { type: "user", id: owner.userId },
        target: { type: "key", id: created.id, label: "Billing service" },
        metadata: { name: "Billing service", environment: "live", scopes: ["keys.read"] },
      },
    });
    expect(Date.parse(event.at)).toBeGreaterThan(Date.now() - 60_000);
    const keyRow = await json(await owner.api.get(`/api/v1/keys/${created.id}`), 200);
    for (const message of stream.received) {
      const text = JSON.stringify(message);
      expect(text).not.toContain(created.key);
      expect(text).not.toContain(keyRow.hash ?? "no-hash-in-views");
      expect(text).not.toMatch(/[0-9a-f]{64}/);
    }

    await json(await owner.api.patch(`/api/v1/keys/${created.id}`, { data: { name: "Billing v2" } }), 200);
    expect(await nextEvent(stream, "key.updated")).toMatchObject({ data: { keyId: created.id } });
    const rotated = await json(await owner.api.post(`/api/v1/keys/${created.id}/rotate`, { data: {} }), 201);
    expect(await nextEvent(stream, "key.rotated")).toMatchObject({
      data: { keyId: created.id, newKeyId: rotated.id },
    });
    await json(await owner.api.delete(`/api/v1/keys/${rotated.id}`), 200);
    expect(await nextEvent(stream, "key.revoked")).toMatchObject({ data: { keyId: rotated.id } });

    // Answered in-band: ping, and a bad message (the connection stays).
    stream.send({ type: "ping" });
    expect(await stream.next((m) => m.type === "pong")).toEqual({ type: "pong" });
    stream.send("not json");
    expect(await stream.next((m) => m.type === "error")).toMatchObject({ code: "VALIDATION_FAILED" });
    stream.send({ type: "subscribe", events: ["no.such"] });
    expect(await stream.next((m) => m.type === "error")).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringMatching(/^events\.0/),
    });
    stream.close();
  });

  test("a wrong or missing credential gets auth.error and 4401", async ({ baseURL }) => {
    const wrong = await openStream(baseURL!, "?token=sk_live_00000000000000000000000000000000000000");
    wrong.send({ type: "auth", token: "sk_live_00000000000000000000000000000000000000" });
    expect(await wrong.next()).toMatchObject({ type: "auth.error", code: "UNAUTHORIZED", message: expect.any(String) });
    expect((await wrong.closed).code).toBe(4401);

    const none = await openStream(baseURL!);
    none.send({ type: "auth" });
    expect(await none.next()).toMatchObject({ type: "auth.error", code: "UNAUTHORIZED" });
    expect((await none.closed).code).toBe(4401);

    const early = await openStream(baseURL!);
    early.send({ type: "subscribe", events: [] });
    expect(await early.next()).toMatchObject({ type: "auth.error", code: "UNAUTHORIZED" });
    expect((await early.closed).code).toBe(4401);
  });

  test("events are filtered by scope: a key without keys.read sees no key events", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const settingsOnly = await createKey(owner.api, { name: "Settings watcher", scopes: ["workspace.read"] });
    const stream = await authedStream(baseURL!, settingsOnly.key);

    await createKey(owner.api, { name: "Invisible to it" });
    await json(await owner.api.patch("/api/v1/workspace", { data: { name: "Renamed workspace" } }), 200);
    // The first event it receives is the workspace's, not the key's created before it.
    const first = await stream.next((m) => m.type === "event");
    expect(first).toMatchObject({
      event: "workspace.updated",
      data: { metadata: { name: { to: "Renamed workspace" } } },
    });
    expect(stream.received.filter((m) => m.type === "event")).toHaveLength(1);

    // subscribe narrows what an allowed credential receives.
    const all = await createKey(owner.api, { name: "Everything", scopes: ["keys.read", "workspace.read"] });
    const narrowed = await authedStream(baseURL!, all.key);
    narrowed.send({ type: "subscribe", events: ["key.revoked"] });
    expect(await narrowed.next()).toEqual({ type: "subscribed", events: ["key.revoked"] });
    const doomed = await createKey(owner.api, { name: "Doomed" });
    await json(await owner.api.delete(`/api/v1/keys/${doomed.id}`), 200);
    expect(await narrowed.next((m) => m.type === "event")).toMatchObject({
      event: "key.revoked",
      data: { keyId: doomed.id },
    });
    stream.close();
    narrowed.close();
  });

  test("a key that loses access is disconnected at once with 4403", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const listener = await createKey(owner.api, { name: "Listener", scopes: ["keys.read"] });
    const stream = await authedStream(baseURL!, listener.key);
    const revokedAt = Date.now();
    await json(await owner.api.delete(`/api/v1/keys/${listener.id}`), 200);
    expect((await stream.closed).code).toBe(4403);
    expect(Date.now() - revokedAt).toBeLessThan(2_000);

    // A member's key goes with the member.
    const admin = await addMember(baseURL!, owner, "admin");
    const adminKey = await createKey(admin.api, { name: "Admin's listener", scopes: ["keys.read"] });
    const adminStream = await authedStream(baseURL!, adminKey.key);
    expect((await owner.api.delete(`/api/v1/members/${admin.memberId}`)).status()).toBe(204);
    expect((await adminStream.closed).code).toBe(4403);
  });

  test("resume after a dropped connection replays what was missed, in order", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const listener = await createKey(owner.api, { name: "Listener", scopes: ["keys.read"] });
    const first = await authedStream(baseURL!, listener.key);
    await createKey(owner.api, { name: "Seen" });
    const seen = await nextEvent(first, "key.created");
    first.close();
    await first.closed;

    const missed = [];
    for (const name of ["Missed 1", "Missed 2", "Missed 3"]) missed.push(await createKey(owner.api, { name }));
    await json(await owner.api.delete(`/api/v1/keys/${missed[0].id}`), 200);

    const again = await authedStream(baseURL!, listener.key);
    again.send({ type: "resume", after: seen.id });
    const replayed = [];
    for (let i = 0; i < 4; i++) replayed.push(await again.next((m) => m.type === "event"));
    expect(replayed.map((m) => [m.event, m.data.keyId])).toEqual([
      ["key.created", missed[0].id],
      ["key.created", missed[1].id],
      ["key.created", missed[2].id],
      ["key.revoked", missed[0].id],
    ]);
    expect(await again.next()).toEqual({ type: "resumed", after: seen.id, count: 4, complete: true });

    // Live events continue after the replay; an unknown event id asks for a resync.
    const live = await createKey(owner.api, { name: "Live" });
    expect(await nextEvent(again, "key.created")).toMatchObject({ data: { keyId: live.id } });
    again.send({ type: "resume", after: "evt_doesnotexist00000000" });
    expect(await again.next((m) => m.type === "error")).toMatchObject({ code: "RESUME_UNAVAILABLE" });
    again.close();
  });

  test("a dashboard session authenticates with its cookie from our own origin only", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const cookie = await cookieOf(owner.api);

    const page = await openStreamWithHeaders(baseURL!, { cookie, origin: baseURL! });
    page.send({ type: "auth", workspaceId: owner.workspace.slug });
    expect(await page.next()).toMatchObject({
      type: "auth.success",
      message: "Authenticated successfully",
      workspaceId: owner.workspace.id,
      scopes: expect.arrayContaining(["keys.read", "members.read", "audit.read"]),
    });
    const member = await addMember(baseURL!, owner, "member");
    expect(await nextEvent(page, "member.invited")).toMatchObject({ data: { metadata: { email: member.email } } });
    expect(await nextEvent(page, "member.added")).toMatchObject({ data: { userId: member.userId } });

    const elsewhere = await openStreamWithHeaders(baseURL!, { cookie, origin: "https://evil.example" });
    elsewhere.send({ type: "auth" });
    expect(await elsewhere.next()).toMatchObject({ type: "auth.error", code: "FORBIDDEN" });
    expect((await elsewhere.closed).code).toBe(4401);

    // The removed member's session stream is closed with 4403.
    const memberStream = await openStreamWithHeaders(baseURL!, {
      cookie: await cookieOf(member.api),
      origin: baseURL!,
    });
    memberStream.send({ type: "auth", workspaceId: owner.workspace.id });
    expect(await memberStream.next()).toMatchObject({ type: "auth.success" });
    expect((await owner.api.delete(`/api/v1/members/${member.memberId}`)).status()).toBe(204);
    expect((await memberStream.closed).code).toBe(4403);
    expect(await nextEvent(page, "member.removed")).toMatchObject({ data: { userId: member.userId } });
    page.close();
  });

  test("metrics count the stream's connections", async ({ baseURL }) => {
    const owner = await signUpWithWorkspace(baseURL!);
    const listener = await createKey(owner.api, { name: "Listener", scopes: ["keys.read"] });
    const stream = await authedStream(baseURL!, listener.key);
    const metrics = await (await fetch(`${baseURL}/api/metrics`)).text();
    expect(Number(/^keysmith_ws_connections (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
    expect(metrics).toMatch(/^keysmith_ws_dropped_total\{reason="slow"\} \d+$/m);
    expect(metrics).toMatch(/^keysmith_ws_events_sent_total \d+$/m);
    stream.close();
  });
});

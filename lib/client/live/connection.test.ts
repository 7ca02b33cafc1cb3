import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { backoffMs, LiveConnection, type LiveState, OFFLINE_AFTER_FAILURES, type SocketLike } from "./connection";
import type { LiveEvent } from "./protocol";

/** A socket the test drives by hand: it records what the client sent. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  closedWith: number | undefined | null = null;
  onopen: SocketLike["onopen"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onclose: SocketLike["onclose"] = null;
  onerror: SocketLike["onerror"] = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code?: number) {
    this.closedWith = code;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(message: object) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  serverClose(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const event = (id: string, name = "key.revoked"): LiveEvent => ({
  type: "event",
  id,
  event: name,
  at: "2026-12-04T10:00:00.000Z",
  workspaceId: "ws_1",
  data: { keyId: "key_1", actor: { type: "user", id: "usr_b", label: "Bob" } },
});

function setUp() {
  const sockets: FakeSocket[] = [];
  const states: LiveState[] = [];
  const events: [string, boolean][] = [];
  let resyncs = 0;
  const connection = new LiveConnection({
    url: "ws://localhost/api/v1/ws",
    workspaceId: "ws_1",
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    onEvent: (e, replayed) => events.push([e.id, replayed]),
    onState: (state) => states.push(state),
    onResync: () => {
      resyncs += 1;
    },
    random: () => 1,
  });
  const live = (socket = sockets.at(-1)!) => {
    socket.open();
    socket.receive({ type: "auth.success", message: "Authenticated successfully", workspaceId: "ws_1", scopes: [] });
  };
  return { connection, sockets, states, events, live, resyncs: () => resyncs };
}

describe("LiveConnection", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("authenticates with the session for the page's workspace and hands on events", () => {
    const { connection, sockets, states, events, live } = setUp();
    connection.start();
    expect(connection.current).toBe("connecting");
    live();
    expect(sockets[0].sent[0]).toEqual({ type: "auth", workspaceId: "ws_1" });
    expect(states).toEqual(["live"]);
    sockets[0].receive(event("evt_1"));
    sockets[0].receive(event("evt_1")); // the same event twice is applied once
    sockets[0].onmessage?.({ data: "not json" });
    expect(events).toEqual([["evt_1", false]]);
  });

  it("reconnects with backoff, resumes after the last event, and marks the replay", () => {
    const { connection, sockets, states, events, live, resyncs } = setUp();
    connection.start();
    live();
    sockets[0].receive(event("evt_1"));
    sockets[0].serverClose(1006);
    expect(states.at(-1)).toBe("reconnecting");
    vi.advanceTimersByTime(backoffMs(1, () => 1) - 1);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    live();
    expect(sockets[1].sent.at(-1)).toEqual({ type: "resume", after: "evt_1" });
    sockets[1].receive(event("evt_2"));
    sockets[1].receive({ type: "resumed", after: "evt_1", count: 1, complete: true });
    sockets[1].receive(event("evt_3"));
    expect(events).toEqual([
      ["evt_1", false],
      ["evt_2", true],
      ["evt_3", false],
    ]);
    expect(resyncs()).toBe(0);
    expect(states.at(-1)).toBe("live");
  });

  it("resynchronises when the replay is incomplete or the id is unknown, or there was nothing to resume", () => {
    const { connection, sockets, live, resyncs } = setUp();
    connection.start();
    live();
    sockets[0].serverClose(1006);
    vi.runOnlyPendingTimers();
    live();
    expect(resyncs()).toBe(1); // no event seen yet: nothing to resume from
    sockets[1].receive(event("evt_1"));
    sockets[1].serverClose(1001);
    vi.runOnlyPendingTimers();
    live();
    sockets[2].receive({ type: "resumed", after: "evt_1", count: 1000, complete: false });
    expect(resyncs()).toBe(2);
    sockets[2].serverClose(1006);
    vi.runOnlyPendingTimers();
    live();
    sockets[3].receive({ type: "error", code: "RESUME_UNAVAILABLE", message: "gone" });
    expect(resyncs()).toBe(3);
  });

  it("says offline after repeated failures, and backs off up to a ceiling", () => {
    const { connection, sockets, states } = setUp();
    connection.start();
    for (let attempt = 0; attempt < OFFLINE_AFTER_FAILURES; attempt += 1) {
      sockets.at(-1)!.serverClose(1006);
      vi.runOnlyPendingTimers();
    }
    expect(states).toEqual(["reconnecting", "offline"]);
    expect(backoffMs(1, () => 1)).toBe(500);
    expect(backoffMs(2, () => 1)).toBe(1000);
    expect(backoffMs(30, () => 1)).toBe(30_000);
    expect(backoffMs(30, () => 0)).toBe(15_000);
  });

  it("waits long after the server refuses the session, and reconnects at once when asked", () => {
    const { connection, sockets, states, live } = setUp();
    connection.start();
    sockets[0].open();
    sockets[0].receive({ type: "auth.error", code: "UNAUTHORIZED", message: "no session" });
    sockets[0].serverClose(4401);
    expect(states).toEqual(["offline"]);
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(1);
    connection.reconnectNow();
    expect(sockets).toHaveLength(2);
    live();
    expect(states.at(-1)).toBe("live");
  });

  it("drops a connection that stops answering pings, or never authenticates", () => {
    const { connection, sockets, states, live } = setUp();
    connection.start();
    live();
    vi.advanceTimersByTime(25_000);
    expect(sockets[0].sent.at(-1)).toEqual({ type: "ping" });
    sockets[0].receive({ type: "pong" });
    vi.advanceTimersByTime(25_000 + 10_000);
    expect(sockets[0].closedWith).not.toBeNull();
    expect(states.at(-1)).toBe("reconnecting");
    vi.runOnlyPendingTimers();
    sockets[1].open(); // never answers the auth message
    vi.advanceTimersByTime(10_000);
    expect(sockets[1].closedWith).not.toBeNull();
    expect(states.at(-1)).toBe("offline");
  });

  it("goes offline with the browser and stops for good when the page closes", () => {
    const { connection, sockets, states, live } = setUp();
    connection.start();
    live();
    connection.wentOffline();
    expect(states.at(-1)).toBe("offline");
    expect(sockets[0].closedWith).not.toBeNull();
    connection.reconnectNow();
    live();
    connection.stop();
    expect(sockets[1].closedWith).toBe(1000);
    vi.runAllTimers();
    expect(sockets).toHaveLength(2);
  });
});

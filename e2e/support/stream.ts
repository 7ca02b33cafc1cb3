import WebSocketClient from "ws";

/** A parsed message from the event stream (tests check its fields with assertions). */
// biome-ignore lint/suspicious/noExplicitAny: checked by assertions
export type StreamMessage = Record<string, any>;

export interface StreamProbe {
  send(message: unknown): void;
  /** The next message (after those already taken) that matches, within `timeoutMs`. */
  next(match?: (message: StreamMessage) => boolean, timeoutMs?: number): Promise<StreamMessage>;
  /** Every message received so far, taken or not. */
  readonly received: StreamMessage[];
  readonly closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

interface Socketlike {
  send(text: string): void;
  close(): void;
}

/**
 * Wraps a connected WebSocket (Node's built-in one or the `ws` package's) so that a test can
 * wait for messages in order.
 */
function probe(
  socket: Socketlike,
  onMessage: (handler: (text: string) => void) => void,
  closed: Promise<{ code: number; reason: string }>,
): StreamProbe {
  const received: StreamMessage[] = [];
  let taken = 0;
  const waiters = new Set<() => void>();
  onMessage((text) => {
    received.push(JSON.parse(text));
    for (const wake of waiters) wake();
  });
  return {
    received,
    closed,
    send: (message) => socket.send(typeof message === "string" ? message : JSON.stringify(message)),
    close: () => socket.close(),
    next: (match = () => true, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const look = () => {
          while (taken < received.length) {
            const message = received[taken++];
            if (match(message)) {
              waiters.delete(look);
              clearTimeout(timer);
              resolve(message);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(look);
          reject(new Error(`no matching stream message in ${timeoutMs} ms; received: ${JSON.stringify(received)}`));
        }, timeoutMs);
        waiters.add(look);
        look();
      }),
  };
}

export function streamUrl(baseURL: string, query = ""): string {
  return `${baseURL.replace(/^http/, "ws")}/api/v1/ws${query}`;
}

/** Connects with Node's built-in WebSocket client, as a user's service would. */
export async function openStream(baseURL: string, query = ""): Promise<StreamProbe> {
  const socket = new WebSocket(streamUrl(baseURL, query));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.addEventListener("close", (event) => resolve({ code: event.code, reason: event.reason })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener("open", () => resolve(), { once: true });
    socket.addEventListener("error", () => reject(new Error("could not connect to the event stream")), { once: true });
  });
  return probe(socket, (handler) => socket.addEventListener("message", (event) => handler(String(event.data))), closed);
}

/** Connects with the `ws` package, which can send a browser's Cookie and Origin headers. */
export async function openStreamWithHeaders(
  baseURL: string,
  headers: Record<string, string>,
  query = "",
): Promise<StreamProbe & { socket: WebSocketClient }> {
  const socket = new WebSocketClient(streamUrl(baseURL, query), { headers });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  return { ...probe(socket, (handler) => socket.on("message", (data) => handler(data.toString())), closed), socket };
}

/** Opens a stream with a key and completes the handshake. */
export async function authedStream(baseURL: string, key: string): Promise<StreamProbe> {
  const stream = await openStream(baseURL, `?token=${encodeURIComponent(key)}`);
  stream.send({ type: "auth", token: key });
  const answer = await stream.next();
  if (answer.type !== "auth.success") throw new Error(`stream auth failed: ${JSON.stringify(answer)}`);
  return stream;
}

/** The next event of this name (other messages are skipped). */
export function nextEvent(stream: StreamProbe, event: string, timeoutMs?: number): Promise<StreamMessage> {
  return stream.next((message) => message.type === "event" && message.event === event, timeoutMs);
}

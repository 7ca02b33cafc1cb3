/**
 * The event stream's messages as the dashboard reads them (GET /api/v1/ws; see the
 * protocol note of issue 18). Only the fields the dashboard uses are typed; the rest is
 * passed through untouched.
 */

export const KEY_EVENTS = [
  "key.created",
  "key.updated",
  "key.rotated",
  "key.revoked",
  "key.expiring",
  "key.expired",
  "key.leaked",
] as const;
export type KeyEventName = (typeof KEY_EVENTS)[number];

export interface LiveActor {
  type: "user" | "key";
  id: string;
  label: string | null;
}

export interface LiveEvent {
  type: "event";
  id: string;
  event: string;
  at: string;
  workspaceId: string;
  data: {
    keyId?: string;
    newKeyId?: string;
    userId?: string;
    actor?: LiveActor;
    target?: { type: string; id: string; label: string | null } | null;
    metadata?: Record<string, unknown> | null;
  };
}

export type ServerMessage =
  | { type: "auth.success"; workspaceId: string }
  | { type: "auth.error"; code: string; message: string }
  | LiveEvent
  | { type: "resumed"; after: string; count: number; complete: boolean }
  | { type: "error"; code: string; message: string }
  | { type: "pong" }
  | { type: "subscribed"; events: string[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A frame from the server, or null when it is not JSON or not a message this client knows. */
export function parseServerMessage(raw: unknown): ServerMessage | null {
  if (typeof raw !== "string") return null;
  let message: unknown;
  try {
    message = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(message) || typeof message.type !== "string") return null;
  if (message.type === "event") {
    if (typeof message.id !== "string" || typeof message.event !== "string") return null;
    return { ...message, data: isRecord(message.data) ? message.data : {} } as LiveEvent;
  }
  return message as ServerMessage;
}

export const isKeyEvent = (event: LiveEvent) => event.event.startsWith("key.");

/** The key an event is about: for a rotation, the old key (the new one is `data.newKeyId`). */
export const keyIdOf = (event: LiveEvent) => event.data.keyId ?? event.data.target?.id ?? null;

/** The key's name as the audit log recorded it (metadata.name), else the target's label. */
export function keyNameOf(event: LiveEvent): string | null {
  const name = event.data.metadata?.name;
  return typeof name === "string" ? name : (event.data.target?.label ?? null);
}

import { z } from "zod";
import type { Invalidation } from "./key-cache";

/**
 * The NOTIFY payload one instance sends the others: who sent it (to ignore our own echo),
 * the kind of change and one id. Ids only, never a secret or a hash; a few dozen bytes,
 * far below PostgreSQL's 8,000-byte payload limit.
 */
const id = z.string().min(1).max(100);
const origin = z.string().min(1).max(64);
const messageSchema = z.discriminatedUnion("t", [
  z.strictObject({ o: origin, t: z.literal("key"), id }),
  z.strictObject({ o: origin, t: z.literal("user"), id }),
  z.strictObject({ o: origin, t: z.literal("workspace"), id }),
  z.strictObject({ o: origin, t: z.literal("all") }),
]);

export interface RemoteInvalidation {
  origin: string;
  event: Invalidation;
}

export function encodeInvalidation(origin: string, event: Invalidation): string {
  switch (event.type) {
    case "key":
      return JSON.stringify({ o: origin, t: "key", id: event.keyId });
    case "user":
      return JSON.stringify({ o: origin, t: "user", id: event.userId });
    case "workspace":
      return JSON.stringify({ o: origin, t: "workspace", id: event.workspaceId });
    case "all":
      return JSON.stringify({ o: origin, t: "all" });
  }
}

/** `null` for anything that is not a message we sent (it is ignored, not trusted). */
export function decodeInvalidation(payload: string): RemoteInvalidation | null {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = messageSchema.safeParse(raw);
  if (!parsed.success) return null;
  const message = parsed.data;
  switch (message.t) {
    case "key":
      return { origin: message.o, event: { type: "key", keyId: message.id } };
    case "user":
      return { origin: message.o, event: { type: "user", userId: message.id } };
    case "workspace":
      return { origin: message.o, event: { type: "workspace", workspaceId: message.id } };
    case "all":
      return { origin: message.o, event: { type: "all" } };
  }
}

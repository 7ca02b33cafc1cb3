import { z } from "zod";
import type { Change } from "./changes";

/**
 * The NOTIFY payload one instance sends the others: who sent it (to ignore our own echo),
 * the kind of change and one id, plus for a new key the 52-bit prefix of its hash. Never a
 * secret; a few dozen bytes, far below PostgreSQL's 8,000-byte payload limit.
 */
const id = z.string().min(1).max(100);
const origin = z.string().min(1).max(64);
const messageSchema = z.discriminatedUnion("t", [
  z.strictObject({ o: origin, t: z.literal("key"), id }),
  z.strictObject({
    o: origin,
    t: z.literal("key-created"),
    id,
    h: z.string().regex(/^[0-9a-f]{13}$/),
    // An imported key's workspace.
    w: id.optional(),
  }),
  z.strictObject({ o: origin, t: z.literal("user"), id }),
  z.strictObject({ o: origin, t: z.literal("workspace"), id }),
  z.strictObject({ o: origin, t: z.literal("audit"), id, w: id }),
  z.strictObject({ o: origin, t: z.literal("all") }),
]);

export interface RemoteChange {
  origin: string;
  change: Change;
}

export function encodeChange(origin: string, change: Change): string {
  switch (change.type) {
    case "key":
      return JSON.stringify({ o: origin, t: "key", id: change.keyId });
    case "key-created":
      return JSON.stringify({
        o: origin,
        t: "key-created",
        id: change.keyId,
        h: change.hashPrefix,
        w: change.importedInto,
      });
    case "user":
      return JSON.stringify({ o: origin, t: "user", id: change.userId });
    case "workspace":
      return JSON.stringify({ o: origin, t: "workspace", id: change.workspaceId });
    case "audit":
      return JSON.stringify({ o: origin, t: "audit", id: change.eventId, w: change.workspaceId });
    case "all":
      return JSON.stringify({ o: origin, t: "all" });
  }
}

/** `null` for anything that is not a message we sent (it is ignored, not trusted). */
export function decodeChange(payload: string): RemoteChange | null {
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
      return { origin: message.o, change: { type: "key", keyId: message.id } };
    case "key-created":
      return {
        origin: message.o,
        change: {
          type: "key-created",
          keyId: message.id,
          hashPrefix: message.h,
          ...(message.w === undefined ? {} : { importedInto: message.w }),
        },
      };
    case "user":
      return { origin: message.o, change: { type: "user", userId: message.id } };
    case "workspace":
      return { origin: message.o, change: { type: "workspace", workspaceId: message.id } };
    case "audit":
      return { origin: message.o, change: { type: "audit", eventId: message.id, workspaceId: message.w } };
    case "all":
      return { origin: message.o, change: { type: "all" } };
  }
}

import { z } from "zod";

/**
 * The event stream's wire format (GET /api/v1/ws). Close codes in the 4000 range mirror the
 * HTTP status a REST call would have got.
 */
export const CLOSE = {
  /** The server is shutting down: reconnect (to another instance) and resume. */
  goingAway: 1001,
  unauthorized: 4401,
  /** The credential lost access after it connected (revoked, removed, demoted). */
  forbidden: 4403,
  /** No auth message in time. */
  authTimeout: 4408,
  /** The client did not read its events: its backlog passed the bound. */
  tooSlow: 4429,
} as const;

export const STREAM_EVENTS = [
  "key.created",
  "key.updated",
  "key.rotated",
  "key.revoked",
  "key.expiring",
  "key.expired",
  "key.leaked",
  "member.added",
  "member.role_changed",
  "member.removed",
  "member.invited",
  "member.invitation_canceled",
  "workspace.updated",
] as const;
export type StreamEventName = (typeof STREAM_EVENTS)[number];

const token = z.string().min(1).max(200);
const workspaceId = z.string().min(1).max(100);
const eventId = z.string().regex(/^evt_[0-9A-Za-z]{1,40}$/);

export const clientMessageSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("auth"), token: token.optional(), workspaceId: workspaceId.optional() }),
  z.strictObject({ type: z.literal("subscribe"), events: z.array(z.enum(STREAM_EVENTS)).max(STREAM_EVENTS.length) }),
  z.strictObject({ type: z.literal("resume"), after: eventId }),
  z.strictObject({ type: z.literal("ping") }),
]);
export type ClientMessage = z.output<typeof clientMessageSchema>;

/** The largest message a client may send: every valid one fits in far less. */
export const MAX_CLIENT_MESSAGE_BYTES = 4 * 1024;

/** Events replayed by one resume at most; beyond it the client resynchronises. */
export const RESUME_LIMIT = 1_000;

export interface StreamEvent {
  type: "event";
  id: string;
  event: StreamEventName;
  at: string;
  workspaceId: string;
  data: Record<string, unknown>;
}

import { z } from "zod";
import { canonicalEvent, isSubscribableEvent } from "../../webhooks/events";
import { cursorParamSchema } from "./cursor-param";

/** Webhook endpoints and their delivery log (lib/webhooks). The secret appears only in WebhookSecret answers. */
const urlSchema = z
  .url({ message: "Enter a full URL, such as https://example.com/webhooks" })
  .max(2000, "Use at most 2000 characters");

const eventsSchema = z
  .array(
    z
      .string()
      .max(100)
      .refine(
        isSubscribableEvent,
        "Not an event: use an audit action such as key.created, a family such as key.*, or *",
      ),
  )
  .min(1, "Choose at least one event")
  .max(100)
  // The event stream's names (`workspace.updated`) are stored as the audit log's.
  .transform((events) => [...new Set(events.map(canonicalEvent))]);

export const createWebhookSchema = z
  .strictObject({ url: urlSchema, events: eventsSchema, enabled: z.boolean().default(true) })
  .meta({
    id: "CreateWebhook",
    override: { examples: [{ url: "https://example.com/keysmith-events", events: ["key.*", "member.removed"] }] },
  });

export const updateWebhookSchema = z
  .strictObject({ url: urlSchema.optional(), events: eventsSchema.optional(), enabled: z.boolean().optional() })
  .meta({ id: "UpdateWebhook", override: { examples: [{ enabled: false }] } });

export const webhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    enabled: z.boolean(),
    /** "failing": Keysmith disabled it after deliveries failed for days. */
    disabledReason: z.enum(["failing"]).nullable(),
    /** When the current run of failed deliveries began; null while deliveries succeed. */
    failingSince: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Webhook" });
export type WebhookView = z.output<typeof webhookSchema>;

export const webhookWithSecretSchema = webhookSchema
  .extend({
    secret: z.string().meta({ description: "whsec_…: signs every delivery. Shown here only; keep it." }),
  })
  .meta({ id: "WebhookWithSecret" });
export type WebhookWithSecretView = z.output<typeof webhookWithSecretSchema>;

export const webhookListSchema = z.object({ data: z.array(webhookSchema) });

export const webhookAttemptSchema = z
  .object({
    number: z.number().int(),
    statusCode: z.number().int().nullable(),
    latencyMs: z.number().int(),
    responseExcerpt: z.string().nullable(),
    error: z.string().nullable(),
    at: z.string(),
  })
  .meta({ id: "WebhookAttempt" });

export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    /** The `webhook-id` header: the same for every attempt and for a redelivery. */
    messageId: z.string(),
    eventId: z.string().nullable(),
    eventType: z.string(),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastLatencyMs: z.number().int().nullable(),
    lastResponse: z.string().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
    /** The exact body sent (and signed). */
    payload: z.string(),
    attemptLog: z.array(webhookAttemptSchema),
  })
  .meta({ id: "WebhookDelivery" });
export type WebhookDeliveryView = z.output<typeof webhookDeliverySchema>;

export const webhookDeliveryListSchema = z.object({
  data: z.array(webhookDeliverySchema),
  nextCursor: z.string().nullable(),
});

export const listDeliveriesQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: cursorParamSchema.optional(),
});

import type { z } from "zod";
import { decodeCursor, encodeCursor } from "../api/cursor";
import { ApiError, validationError } from "../api/errors";
import type {
  createWebhookSchema,
  listDeliveriesQuerySchema,
  updateWebhookSchema,
  WebhookDeliveryView,
  WebhookView,
  WebhookWithSecretView,
} from "../api/schemas/webhooks";
import { type AuditEntry, recordAudit } from "../audit/record";
import { actorOf, type Principal, type RequestMeta } from "../auth/principal";
import type { Db } from "../db/client";
import { auditRecorded, publishChange } from "../events/changes";
import { newId } from "../ids";
import { TEST_EVENT } from "./events";
import { newWebhookSecret } from "./signature";
import { checkTargetUrl, resolveTarget, TargetRefused } from "./target";

/**
 * A workspace's webhook endpoints: create, change, rotate the secret, delete, each audited in
 * its transaction; and the delivery log with redelivery and test events. Deliveries of real
 * events are queued by the database trigger on audit_event, not here.
 */
type Endpoint = NonNullable<Awaited<ReturnType<Db["webhookEndpoint"]["findFirst"]>>>;

export function toWebhookView(endpoint: Endpoint): WebhookView {
  return {
    id: endpoint.id,
    url: endpoint.url,
    events: endpoint.events,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason === "failing" ? "failing" : null,
    failingSince: endpoint.failingSince?.toISOString() ?? null,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}

function withSecret(endpoint: Endpoint): WebhookWithSecretView {
  return { ...toWebhookView(endpoint), secret: endpoint.secret };
}

export async function listWebhooks(db: Db, workspaceId: string): Promise<WebhookView[]> {
  const rows = await db.webhookEndpoint.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toWebhookView);
}

async function findEndpoint(db: Pick<Db, "webhookEndpoint">, workspaceId: string, id: string): Promise<Endpoint> {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id, workspaceId } });
  if (!endpoint) throw new ApiError("NOT_FOUND", "No such webhook in this workspace");
  return endpoint;
}

export async function getWebhook(db: Db, workspaceId: string, id: string): Promise<WebhookView> {
  return toWebhookView(await findEndpoint(db, workspaceId, id));
}

/**
 * The URL must be one deliveries may go to (target.ts), refused as a 400 naming `url`. A name
 * that does not resolve now is accepted: each attempt resolves and checks it again.
 */
async function assertTarget(url: string, allowPrivate: boolean): Promise<void> {
  try {
    checkTargetUrl(url, allowPrivate);
    await resolveTarget(url, allowPrivate).catch((error: unknown) => {
      if (error instanceof TargetRefused && error.message.endsWith("does not resolve")) return;
      throw error;
    });
  } catch (error) {
    if (error instanceof TargetRefused) throw validationError([{ field: "url", message: error.message }]);
    throw error;
  }
}

interface Audited<T> {
  result: T;
  events: { id: string; workspaceId: string | null }[];
}

async function audited<T>(
  db: Db,
  principal: Principal,
  meta: RequestMeta,
  change: (tx: Parameters<Parameters<Db["$transaction"]>[0]>[0]) => Promise<{ result: T; audit: AuditEntry | null }>,
): Promise<T> {
  const { result, events }: Audited<T> = await db.$transaction(async (tx) => {
    const { result, audit } = await change(tx);
    const events = audit ? [await recordAudit(tx, actorOf(principal, meta), audit)] : [];
    return { result, events };
  });
  publishChange(...auditRecorded(...events));
  return result;
}

const webhookAudit = (principal: Principal, action: AuditEntry["action"], endpoint: Endpoint, extra = {}) => ({
  workspaceId: principal.workspace.id,
  action,
  targetType: "webhook" as const,
  targetId: endpoint.id,
  metadata: { url: endpoint.url, events: endpoint.events, enabled: endpoint.enabled, ...extra },
});

export async function createWebhook(
  db: Db,
  principal: Principal,
  input: z.output<typeof createWebhookSchema>,
  meta: RequestMeta,
  allowPrivate: boolean,
): Promise<WebhookWithSecretView> {
  await assertTarget(input.url, allowPrivate);
  return audited(db, principal, meta, async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        id: newId("whk"),
        workspaceId: principal.workspace.id,
        url: input.url,
        events: input.events,
        enabled: input.enabled,
        secret: newWebhookSecret(),
      },
    });
    return { result: withSecret(endpoint), audit: webhookAudit(principal, "webhook.created", endpoint) };
  });
}

/** Enabling an endpoint again (after Keysmith disabled it, or not) starts its failure count afresh. */
export async function updateWebhook(
  db: Db,
  principal: Principal,
  id: string,
  input: z.output<typeof updateWebhookSchema>,
  meta: RequestMeta,
  now: Date,
  allowPrivate: boolean,
): Promise<WebhookView> {
  if (input.url !== undefined) await assertTarget(input.url, allowPrivate);
  return audited(db, principal, meta, async (tx) => {
    const before = await findEndpoint(tx, principal.workspace.id, id);
    const changed = (Object.keys(input) as (keyof typeof input)[]).filter(
      (field) => input[field] !== undefined && JSON.stringify(input[field]) !== JSON.stringify(before[field]),
    );
    if (changed.length === 0) return { result: toWebhookView(before), audit: null };
    const enabling = input.enabled === true && !before.enabled;
    const endpoint = await tx.webhookEndpoint.update({
      where: { id: before.id },
      data: {
        ...input,
        updatedAt: now,
        ...(enabling ? { disabledReason: null, failingSince: null } : {}),
        ...(input.enabled === false ? { disabledReason: null } : {}),
      },
    });
    return {
      result: toWebhookView(endpoint),
      audit: webhookAudit(principal, "webhook.updated", endpoint, { changed }),
    };
  });
}

export async function deleteWebhook(db: Db, principal: Principal, id: string, meta: RequestMeta): Promise<void> {
  await audited(db, principal, meta, async (tx) => {
    const endpoint = await findEndpoint(tx, principal.workspace.id, id);
    // Its deliveries and their attempts go with it (ON DELETE CASCADE).
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    return { result: undefined, audit: webhookAudit(principal, "webhook.deleted", endpoint) };
  });
}

/** A new secret signs every attempt from now on, retries of earlier deliveries included. */
export async function rotateWebhookSecret(
  db: Db,
  principal: Principal,
  id: string,
  meta: RequestMeta,
  now: Date,
): Promise<WebhookWithSecretView> {
  return audited(db, principal, meta, async (tx) => {
    const before = await findEndpoint(tx, principal.workspace.id, id);
    const endpoint = await tx.webhookEndpoint.update({
      where: { id: before.id },
      data: { secret: newWebhookSecret(), updatedAt: now },
    });
    return { result: withSecret(endpoint), audit: webhookAudit(principal, "webhook.secret_rotated", endpoint) };
  });
}

const deliveryInclude = { attemptLog: { orderBy: { number: "asc" } } } as const;
type DeliveryRow = NonNullable<Awaited<ReturnType<typeof findDeliveryRow>>>;

function findDeliveryRow(db: Db, endpointId: string, id: string) {
  return db.webhookDelivery.findFirst({ where: { id, endpointId }, include: deliveryInclude });
}

export function toDeliveryView(row: DeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    messageId: row.messageId,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status === "delivered" || row.status === "failed" ? row.status : "pending",
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastLatencyMs: row.lastLatencyMs,
    lastResponse: row.lastResponse,
    lastError: row.lastError,
    nextAttemptAt: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    payload: row.payload,
    attemptLog: row.attemptLog.map((attempt) => ({
      number: attempt.number,
      statusCode: attempt.statusCode,
      latencyMs: attempt.latencyMs,
      responseExcerpt: attempt.responseExcerpt,
      error: attempt.error,
      at: attempt.createdAt.toISOString(),
    })),
  };
}

/** Newest first, a page at a time (keyset on createdAt, id). */
export async function listDeliveries(
  db: Db,
  workspaceId: string,
  endpointId: string,
  query: z.output<typeof listDeliveriesQuerySchema>,
): Promise<{ data: WebhookDeliveryView[]; nextCursor: string | null }> {
  const endpoint = await findEndpoint(db, workspaceId, endpointId);
  const after = query.cursor ? decodeCursor(query.cursor, "date") : null;
  const rows = await db.webhookDelivery.findMany({
    where: {
      endpointId: endpoint.id,
      ...(after
        ? {
            OR: [
              { createdAt: { lt: new Date(after.value) } },
              { createdAt: new Date(after.value), id: { lt: after.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: deliveryInclude,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(toDeliveryView),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ value: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

function assertEnabled(endpoint: Endpoint): void {
  if (!endpoint.enabled) throw new ApiError("CONFLICT", "This webhook is disabled: enable it first");
}

/** Sends a delivery again as a new entry in the log, with the same `webhook-id` and body. */
export async function redeliver(
  db: Db,
  workspaceId: string,
  endpointId: string,
  deliveryId: string,
  now: Date,
): Promise<WebhookDeliveryView> {
  const endpoint = await findEndpoint(db, workspaceId, endpointId);
  assertEnabled(endpoint);
  const original = await findDeliveryRow(db, endpoint.id, deliveryId);
  if (!original) throw new ApiError("NOT_FOUND", "No such delivery for this webhook");
  const row = await db.webhookDelivery.create({
    data: {
      id: newId("whd"),
      endpointId: endpoint.id,
      workspaceId,
      messageId: original.messageId,
      eventId: original.eventId,
      eventType: original.eventType,
      payload: original.payload,
      nextAttemptAt: now,
      createdAt: now,
    },
    include: deliveryInclude,
  });
  return toDeliveryView(row);
}

/** A `webhook.test` event for this endpoint alone, whatever it subscribed to. */
export async function sendTestEvent(
  db: Db,
  principal: Principal,
  endpointId: string,
  now: Date,
): Promise<WebhookDeliveryView> {
  const endpoint = await findEndpoint(db, principal.workspace.id, endpointId);
  assertEnabled(endpoint);
  const payload = JSON.stringify({
    type: TEST_EVENT,
    timestamp: now.toISOString(),
    data: {
      workspaceId: principal.workspace.id,
      webhookId: endpoint.id,
      sentBy: principal.type === "key" ? { type: "key", id: principal.keyId } : { type: "user", id: principal.userId },
      message: "A test event from Keysmith: this endpoint receives and verifies deliveries.",
    },
  });
  const row = await db.webhookDelivery.create({
    data: {
      id: newId("whd"),
      endpointId: endpoint.id,
      workspaceId: principal.workspace.id,
      messageId: newId("msg"),
      eventType: TEST_EVENT,
      payload,
      nextAttemptAt: now,
      createdAt: now,
    },
    include: deliveryInclude,
  });
  return toDeliveryView(row);
}

-- Webhooks (issue 21): endpoints per workspace, a durable delivery queue, and the log of attempts.
-- A trigger on audit_event queues the deliveries: every change writes its audit event in its own
-- transaction, so a delivery is queued exactly when (and only if) the change commits, whatever
-- code path wrote the event (Prisma or raw SQL).

-- CreateTable
CREATE TABLE "webhook_endpoint" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "secret" TEXT NOT NULL,
    "disabledReason" TEXT,
    "failingSince" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_delivery" (
    "id" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "eventId" TEXT,
    "eventType" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "lastStatusCode" INTEGER,
    "lastLatencyMs" INTEGER,
    "lastResponse" TEXT,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_attempt" (
    "id" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "statusCode" INTEGER,
    "latencyMs" INTEGER NOT NULL,
    "responseExcerpt" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhook_endpoint_workspaceId_createdAt_idx" ON "webhook_endpoint"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "webhook_delivery_status_nextAttemptAt_idx" ON "webhook_delivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "webhook_delivery_endpointId_createdAt_id_idx" ON "webhook_delivery"("endpointId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "webhook_attempt_deliveryId_number_idx" ON "webhook_attempt"("deliveryId", "number");

-- AddForeignKey
ALTER TABLE "webhook_endpoint" ADD CONSTRAINT "webhook_endpoint_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "webhook_endpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_attempt" ADD CONSTRAINT "webhook_attempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "webhook_delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- One delivery per enabled endpoint of the event's workspace subscribed to its action: by name,
-- by family (`key.*` for `key.created`) or to everything (`*`). The body is built here, once, so
-- that every attempt sends (and signs) the same bytes. It carries the audit event as recorded:
-- who, what, which target and the metadata, never the caller's address or a secret (audit
-- metadata holds none).
CREATE FUNCTION "webhook_enqueue_audit_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."workspaceId" IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO "webhook_delivery" ("id", "endpointId", "workspaceId", "messageId", "eventId", "eventType",
    "payload", "nextAttemptAt", "createdAt")
  SELECT 'whd_' || replace(gen_random_uuid()::text, '-', ''), e."id", NEW."workspaceId",
    'msg_' || replace(gen_random_uuid()::text, '-', ''), NEW."id", NEW."action",
    jsonb_build_object(
      'type', NEW."action",
      'timestamp', to_char(NEW."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'data', jsonb_build_object(
        'id', NEW."id",
        'workspaceId', NEW."workspaceId",
        'actor', jsonb_build_object('type', NEW."actorType", 'id', NEW."actorId", 'label', NEW."actorLabel"),
        'target', CASE WHEN NEW."targetType" IS NULL THEN NULL
          ELSE jsonb_build_object('type', NEW."targetType", 'id', NEW."targetId") END,
        'metadata', COALESCE(NEW."metadata", '{}'::jsonb)))::text,
    NEW."createdAt", NEW."createdAt"
  FROM "webhook_endpoint" e
  WHERE e."workspaceId" = NEW."workspaceId" AND e."enabled"
    AND (NEW."action" = ANY (e."events") OR split_part(NEW."action", '.', 1) || '.*' = ANY (e."events")
      OR '*' = ANY (e."events"));
  RETURN NULL;
END;
$$;

CREATE TRIGGER "audit_event_webhooks" AFTER INSERT ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "webhook_enqueue_audit_event"();

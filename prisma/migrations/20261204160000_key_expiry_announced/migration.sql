-- When a key's expiry was announced (audit key.expired, event stream): each key once, by the
-- one instance whose UPDATE claimed it. Keys already expired count as announced.
ALTER TABLE "api_key" ADD COLUMN "expiryAnnouncedAt" TIMESTAMP(3);
UPDATE "api_key" SET "expiryAnnouncedAt" = "expiresAt" WHERE "expiresAt" <= CURRENT_TIMESTAMP;
-- The sweep reads only keys still to announce.
CREATE INDEX "api_key_expiry_pending_idx" ON "api_key" ("expiresAt")
  WHERE "expiryAnnouncedAt" IS NULL AND "expiresAt" IS NOT NULL;

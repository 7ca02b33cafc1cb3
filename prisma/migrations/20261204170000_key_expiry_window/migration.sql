-- The length of a key's expiry window (ms), kept across rotations that keep the expiry date,
-- so that a later {"expiry":"renew"} gives the key's full window again, not what was left of it.
ALTER TABLE "api_key" ADD COLUMN "expiryWindowMs" BIGINT;
-- Keys not yet rotated: their window is what it was at creation.
UPDATE "api_key"
SET "expiryWindowMs" = (EXTRACT(EPOCH FROM ("expiresAt" - "createdAt")) * 1000)::BIGINT
WHERE "expiresAt" IS NOT NULL AND "rotatedAt" IS NULL;

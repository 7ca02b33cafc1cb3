-- The expiry sweep (every 5 s) finds keys by expiry: without these it read the whole key
-- table each time, on the embedded database's thread (40-110 ms at 12,000 keys).

-- CreateIndex
CREATE INDEX "api_key_expiresAt_idx" ON "api_key"("expiresAt");

-- CreateIndex
CREATE INDEX "api_key_expiryAnnouncedAt_expiresAt_idx" ON "api_key"("expiryAnnouncedAt", "expiresAt");

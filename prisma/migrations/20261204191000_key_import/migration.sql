-- Keys imported by their hash from another product (POST /api/v1/keys/import).
ALTER TABLE "api_key" ADD COLUMN "importedAt" TIMESTAMP(3);
-- Which workspaces hold imported keys: read at start-up and for a verifier's snapshot.
CREATE INDEX "api_key_importedAt_workspaceId_idx" ON "api_key"("importedAt", "workspaceId");

-- Key list at scale (bench/list): keyset pages by name need id in the index; search by name uses trigrams.
-- pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it; PGlite loads it in lib/db/pglite.ts.
-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- DropIndex
DROP INDEX "api_key_workspaceId_name_idx";

-- CreateIndex
CREATE INDEX "api_key_workspaceId_name_id_idx" ON "api_key"("workspaceId", "name", "id");

-- CreateIndex
CREATE INDEX "api_key_name_trgm_idx" ON "api_key" USING GIN ("name" gin_trgm_ops);


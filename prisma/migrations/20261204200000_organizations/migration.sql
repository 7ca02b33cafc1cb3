-- Organizations above workspaces: each existing workspace gets an organization of its own,
-- with the same name and URL name, owned by the workspace's owners.

-- CreateTable
CREATE TABLE "org" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "org_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "org_member" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "org_member_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "org_slug_key" ON "org"("slug");
CREATE INDEX "org_member_userId_idx" ON "org_member"("userId");
CREATE UNIQUE INDEX "org_member_orgId_userId_key" ON "org_member"("orgId", "userId");

-- One organization per workspace: its id is the workspace id with "org_" for "ws_".
INSERT INTO "org" ("id", "name", "slug", "createdAt")
SELECT 'org_' || substr("id", 4), "name", "slug", "createdAt" FROM "organization";

INSERT INTO "org_member" ("id", "orgId", "userId", "role", "createdAt")
SELECT 'omem_' || substr(m."id", 5), 'org_' || substr(m."organizationId", 4), m."userId", 'owner', m."createdAt"
FROM "member" m WHERE m."role" LIKE '%owner%';

-- AlterTable
ALTER TABLE "organization" ADD COLUMN "orgId" TEXT;
UPDATE "organization" SET "orgId" = 'org_' || substr("id", 4);
ALTER TABLE "organization" ALTER COLUMN "orgId" SET NOT NULL;
CREATE INDEX "organization_orgId_idx" ON "organization"("orgId");

ALTER TABLE "api_key" ADD COLUMN "orgId" TEXT;
CREATE INDEX "api_key_orgId_idx" ON "api_key"("orgId");

-- AddForeignKey
ALTER TABLE "org_member" ADD CONSTRAINT "org_member_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "org"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "org_member" ADD CONSTRAINT "org_member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "organization" ADD CONSTRAINT "organization_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

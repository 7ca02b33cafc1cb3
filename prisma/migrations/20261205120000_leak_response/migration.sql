-- The workspace's answer to a leak report (POST /api/v1/keys/report-leak): revoke the key at
-- once (the default) or disable it and tell its creator and the workspace's admins.

-- CreateEnum
CREATE TYPE "LeakResponse" AS ENUM ('revoke', 'disable');

-- AlterTable
ALTER TABLE "organization" ADD COLUMN "leakResponse" "LeakResponse" NOT NULL DEFAULT 'revoke';

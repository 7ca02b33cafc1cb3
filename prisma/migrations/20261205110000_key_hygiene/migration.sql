-- Warnings before expiry and the workspace's hygiene policies (issue 21).

-- AlterTable
ALTER TABLE "api_key" ADD COLUMN "expiryWarnedDays" INTEGER,
ADD COLUMN "reenabledAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "organization" ADD COLUMN "disableUnusedKeysAfterDays" INTEGER,
ADD COLUMN "maxKeyLifetimeDays" INTEGER;

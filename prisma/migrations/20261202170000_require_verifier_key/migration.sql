-- AlterTable
ALTER TABLE "organization" ADD COLUMN "requireVerifierKey" BOOLEAN NOT NULL DEFAULT false;

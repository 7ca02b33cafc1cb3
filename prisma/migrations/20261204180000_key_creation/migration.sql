-- CreateEnum
CREATE TYPE "KeyCreation" AS ENUM ('members', 'admins');

-- AlterTable
ALTER TABLE "organization" ADD COLUMN "keyCreation" "KeyCreation" NOT NULL DEFAULT 'members';

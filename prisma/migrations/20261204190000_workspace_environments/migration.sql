-- AlterTable
ALTER TABLE "organization" ADD COLUMN "environments" TEXT[] DEFAULT ARRAY['live', 'test']::TEXT[];

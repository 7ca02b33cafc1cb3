-- Workspaces, members and invitations are Keysmith's own: better-auth's organization plugin
-- is gone, and with it the columns only it wrote.
ALTER TABLE "session" DROP COLUMN "activeOrganizationId";
ALTER TABLE "organization" DROP COLUMN "logo";
ALTER TABLE "organization" DROP COLUMN "metadata";

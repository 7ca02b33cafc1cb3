-- A session confirmed by its user ("confirm it's you") counts as freshly signed in from then.
ALTER TABLE "session" ADD COLUMN "reauthenticatedAt" TIMESTAMP(3);

-- keysmith login requests (device authorization): only the poll token's hash is kept, and the
-- key is minted when the CLI collects it, so no secret rests in this table.
-- CreateTable
CREATE TABLE "cli_login_request" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "pollTokenHash" TEXT NOT NULL,
    "deviceName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "requestIp" TEXT,
    "userId" TEXT,
    "workspaceId" TEXT,
    "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "decidedAt" TIMESTAMP(3),
    "decidedIp" TEXT,
    "decidedUserAgent" TEXT,
    "keyId" TEXT,

    CONSTRAINT "cli_login_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "cli_login_request_code_key" ON "cli_login_request"("code");

-- CreateIndex
CREATE UNIQUE INDEX "cli_login_request_pollTokenHash_key" ON "cli_login_request"("pollTokenHash");

-- CreateIndex
CREATE INDEX "cli_login_request_expiresAt_idx" ON "cli_login_request"("expiresAt");

-- AddForeignKey
ALTER TABLE "cli_login_request" ADD CONSTRAINT "cli_login_request_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cli_login_request" ADD CONSTRAINT "cli_login_request_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;


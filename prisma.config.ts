import { mkdirSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";
import { openPGlite } from "./lib/db/pglite";
import { isPostgresUrl } from "./lib/db/url";

// Prisma's CLI is only used for `generate` and `migrate diff|status`; the app applies
// migrations itself at start-up (see lib/db/migrate.ts). 6.19 insists on a URL even
// when an adapter is used, and prisma.config.ts stops it reading .env.
// `DATABASE_URL=postgres://… npx prisma migrate status` checks a real PostgreSQL.
process.env.DATABASE_URL ??= "postgresql://pglite@localhost/pglite";
const url = process.env.DATABASE_URL;
const dataDir = process.env.KEYSMITH_DATA_DIR ? `${process.env.KEYSMITH_DATA_DIR}/pglite` : ".data/pglite";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => {
    if (isPostgresUrl(url)) return new PrismaPg({ connectionString: url });
    mkdirSync(dataDir, { recursive: true });
    return new PrismaPGlite(openPGlite(dataDir));
  },
});

import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

// Prisma's CLI is only used for `generate` and `migrate diff|status`; the app applies
// migrations itself at start-up (see lib/db/migrate.ts). 6.19 insists on a URL even
// when an adapter is used, and prisma.config.ts stops it reading .env.
process.env.DATABASE_URL ??= "postgresql://pglite@localhost/pglite";
const dataDir = process.env.KEYSMITH_DATA_DIR ?? ".data/pglite";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => {
    mkdirSync(dataDir, { recursive: true });
    return new PrismaPGlite(new PGlite(dataDir));
  },
});

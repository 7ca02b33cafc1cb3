import { apiKey } from "@better-auth/api-key";
import { PGlite } from "@electric-sql/pglite";
import { betterAuth } from "better-auth";
import { PGliteDialect } from "kysely-pglite-dialect";

/**
 * The benchmark's peer: better-auth with its api-key plugin, on PGlite like Keysmith's
 * default. The plugin's own per-key rate limit (10 a day by default) is switched off so
 * that it verifies as many keys as it is asked to.
 */
export function createPeerAuth(dataDir: string) {
  const db = new PGlite(dataDir);
  const auth = betterAuth({
    baseURL: process.env.PEER_BASE_URL ?? "http://localhost:4103",
    secret: "benchmark-peer-secret-not-for-production-0123456789",
    database: { dialect: new PGliteDialect(db), type: "postgres" },
    emailAndPassword: { enabled: true },
    telemetry: { enabled: false },
    rateLimit: { enabled: false },
    plugins: [apiKey({ rateLimit: { enabled: false } })],
  });
  return { auth, db };
}

export type PeerAuth = ReturnType<typeof createPeerAuth>["auth"];

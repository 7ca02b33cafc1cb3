import { mkdirSync, writeFileSync } from "node:fs";
import { getMigrations } from "better-auth/db/migration";
import { createPeerAuth } from "./auth";

/** Seeds the peer's database with `count` api-key-plugin keys; prints the keys file path. */
export async function seedPeer(dataDir: string, count: number, keysFile: string): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const { auth, db } = createPeerAuth(dataDir);
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();
  const { user } = await auth.api.signUpEmail({
    body: { name: "Bench", email: "bench@example.com", password: "benchmark-password" },
  });
  const keys: string[] = [];
  const batch = 50;
  for (let i = 0; i < count; i += batch) {
    const created = await Promise.all(
      Array.from({ length: Math.min(batch, count - i) }, (_, j) =>
        auth.api.createApiKey({ body: { userId: user.id, name: `bench-${i + j}` } }),
      ),
    );
    keys.push(...created.map((k) => k.key));
  }
  writeFileSync(keysFile, `${keys.join("\n")}\n`);
  await db.close();
}

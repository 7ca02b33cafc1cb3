import { openDatabase } from "../../lib/db/client";
import { newId } from "../../lib/ids";
import { generateKey } from "../../lib/keys/format";
import { hashKey } from "../../lib/keys/hash";
import { maskKey } from "../../lib/keys/mask";

/**
 * Seeds a Keysmith data folder with one workspace and `count` keys straight into the
 * database (not through the API: only the --postgres bench still does this), and returns
 * the keys with their ids. With `url`, seeds that PostgreSQL database instead.
 */
export async function seedKeysmith(options: { dataDir?: string; url?: string; count: number }) {
  const { db, close } = await openDatabase({ url: options.url, dataDir: options.dataDir });
  const userId = newId("usr");
  const workspaceId = newId("ws");
  await db.user.create({ data: { id: userId, name: "Bench", email: `bench-${userId}@example.com` } });
  await db.organization.create({
    data: {
      id: workspaceId,
      name: "Bench",
      slug: `bench-${workspaceId.slice(3, 11).toLowerCase()}`,
      keyPrefix: "sk",
      org: { create: { id: newId("org"), name: "Bench", slug: `bench-${workspaceId.slice(3, 11).toLowerCase()}` } },
    },
  });
  await db.member.create({ data: { id: newId("mem"), organizationId: workspaceId, userId, role: "owner" } });
  const keys: { id: string; key: string }[] = [];
  const batch = 1000;
  for (let i = 0; i < options.count; i += batch) {
    const rows = Array.from({ length: Math.min(batch, options.count - i) }, (_, j) => {
      const key = generateKey("sk", "live");
      const id = newId("key");
      keys.push({ id, key });
      return {
        id,
        workspaceId,
        name: `bench-${i + j}`,
        environment: "live",
        hash: hashKey(key),
        maskedKey: maskKey(key),
        scopes: ["keys.read"],
        createdById: userId,
      };
    });
    await db.apiKey.createMany({ data: rows });
  }
  await close();
  return keys;
}

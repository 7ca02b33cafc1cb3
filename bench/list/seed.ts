import { randomBytes } from "node:crypto";
import { openDatabase } from "../../lib/db/client";
import { newId } from "../../lib/ids";
import { generateKey } from "../../lib/keys/format";
import { hashKey } from "../../lib/keys/hash";
import { maskKey } from "../../lib/keys/mask";

/**
 * One workspace with `count` workspace keys written straight into the database in
 * batches (not through the API), shaped like a busy workspace: ten creators, 70 % live,
 * two years of creation dates, and a realistic spread of states (revoked, expired,
 * expiring soon, rotated and in grace). Returns an owner API key to list them with.
 */
export interface SeededList {
  workspaceId: string;
  orgId: string;
  ownerKey: string;
  creators: string[];
  /** A name that exactly one key has, for the rare-search shape. */
  rareName: string;
}

const SERVICES = ["billing", "checkout", "search", "ingest", "reports", "mobile", "partner", "webhooks", "cron", "crm"];
const PURPOSES = ["api", "worker", "sync", "export", "backfill", "gateway", "dashboard"];
const STAGES = ["prod", "staging", "dev", "ci"];
const DAY = 86_400_000;
const BATCH = 2_000;

export async function seedList(options: { url?: string; dataDir?: string; count: number }): Promise<SeededList> {
  const { db, close } = await openDatabase({ url: options.url, dataDir: options.dataDir });
  try {
    const now = Date.now();
    const workspaceId = newId("ws");
    const orgId = newId("org");
    await db.organization.create({
      data: {
        id: workspaceId,
        name: "Bench list",
        slug: `bench-${workspaceId.slice(3, 11).toLowerCase()}`,
        keyPrefix: "sk",
        org: { create: { id: orgId, name: "Bench list", slug: `bench-${workspaceId.slice(3, 11).toLowerCase()}` } },
      },
    });
    const creators: string[] = [];
    for (let i = 0; i < 10; i++) {
      const userId = newId("usr");
      creators.push(userId);
      await db.user.create({ data: { id: userId, name: `Creator ${i}`, email: `creator-${i}-${userId}@example.com` } });
      await db.member.create({
        data: {
          id: newId("mem"),
          organizationId: workspaceId,
          userId,
          role: i === 0 ? "owner" : i < 4 ? "admin" : "member",
        },
      });
    }

    const start = now - 730 * DAY;
    const step = (730 * DAY) / options.count;
    let rareName = "";
    for (let offset = 0; offset < options.count; offset += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, options.count - offset) }, (_, j) => {
        const i = offset + j;
        const r = random(i);
        const createdAt = new Date(start + i * step);
        const name = `${SERVICES[i % SERVICES.length]}-${PURPOSES[(i >> 3) % PURPOSES.length]}-${STAGES[(i >> 5) % STAGES.length]} ${i}`;
        if (i === Math.floor(options.count / 3)) rareName = name;
        const state = pickState(r, now);
        const secret = `sk_live_${randomBytes(24).toString("base64url")}`;
        return {
          id: newId("key"),
          workspaceId,
          name,
          environment: random(i * 7 + 3) < 0.7 ? "live" : "test",
          hash: hashKey(secret),
          maskedKey: maskKey(secret),
          scopes: ["keys.read"],
          createdById: creators[Math.floor(random(i * 13 + 5) * creators.length)],
          createdAt,
          ...state,
        };
      });
      await db.apiKey.createMany({ data: rows });
    }

    const ownerKey = generateKey("sk", "live");
    await db.apiKey.create({
      data: {
        id: newId("key"),
        workspaceId,
        name: "bench owner key",
        environment: "live",
        hash: hashKey(ownerKey),
        maskedKey: maskKey(ownerKey),
        scopes: ["keys.read"],
        createdById: creators[0],
      },
    });
    // What autovacuum does soon after a bulk load: fresh statistics, and the search index's
    // pending entries (GIN fast update) merged into the index proper.
    await db.$executeRawUnsafe("VACUUM ANALYZE");
    return { workspaceId, orgId, ownerKey, creators, rareName };
  } finally {
    await close();
  }
}

/** 82 % active, 8 % revoked, 4 % expired, 3 % expiring soon, 3 % rotated and in grace. */
function pickState(r: number, now: number) {
  if (r < 0.08) return { revokedAt: new Date(now - DAY) };
  if (r < 0.12) return { expiresAt: new Date(now - 3 * DAY) };
  if (r < 0.15) return { expiresAt: new Date(now + 3 * DAY) };
  if (r < 0.18) return { rotatedAt: new Date(now - DAY), expiresAt: new Date(now + 2 * DAY) };
  if (r < 0.5) return { expiresAt: new Date(now + 200 * DAY) };
  return {};
}

/** Deterministic in [0, 1), so every run seeds the same shape. */
function random(seed: number): number {
  const x = Math.sin(seed * 12.9898 + 78.233) * 43758.5453;
  return x - Math.floor(x);
}

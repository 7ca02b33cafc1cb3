import { z } from "zod";
import { ROLES } from "../../auth/scopes";
import { dateTimeSchema } from "../dates";
import { cursorParamSchema } from "./cursor-param";
import { environmentSchema } from "./keys";

/**
 * What an in-process verifier (the SDK's `createVerifier({ mode: "local" })`) downloads and
 * reports back. An entry is exactly what verifying a key for a verifier of one workspace
 * needs, by the SHA-256 of the key: never the secret.
 */
export const SNAPSHOT_PAGE_MAX = 1000;

export const snapshotQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(SNAPSHOT_PAGE_MAX).default(SNAPSHOT_PAGE_MAX),
  cursor: cursorParamSchema.optional(),
  /** One key's entry (after an event about it): `keys` holds it, or nothing when the verifier may not see it. */
  keyId: z.string().min(1).max(64).optional(),
});
export type SnapshotQuery = z.output<typeof snapshotQuerySchema>;

export const snapshotEntrySchema = z
  .object({
    /** SHA-256 of the whole key, lowercase hex. */
    hash: z.string(),
    keyId: z.string(),
    kind: z.enum(["workspace", "organization", "personal"]),
    /** The key's own workspace (null for a personal or organization key). */
    workspaceId: z.string().nullable(),
    /** The organization of this workspace (null for a personal key whose owner is not a member here). */
    organizationId: z.string().nullable(),
    environment: environmentSchema,
    expiresAt: z.string().nullable(),
    revoked: z.boolean(),
    /** Replaced by a rotation: after `expiresAt` it answers REVOKED (reason ROTATED), not EXPIRED. */
    rotated: z.boolean(),
    enabled: z.boolean(),
    /** CIDRs as stored (normalised); empty allows every address. */
    ipAllowlist: z.array(z.string()),
    /** Whether the key acts in this workspace (its creator is a member): a workspace key that does not is DISABLED. */
    creatorIsMember: z.boolean(),
    /** The key's effective scopes in this workspace (its scopes within its creator's role there). */
    scopes: z.array(z.string()),
    /** The creator's current role in this workspace (null when they are not a member): a VALID answer's `role`. */
    role: z.enum(ROLES).nullable(),
    rateLimit: z.object({ max: z.number(), windowMs: z.number() }).nullable(),
  })
  .meta({ id: "VerifierSnapshotEntry" });
export type SnapshotEntry = z.output<typeof snapshotEntrySchema>;

export const snapshotSchema = z
  .object({
    /** The verifier's workspace: where VALID answers say the key acts. */
    workspaceId: z.string(),
    /**
     * The newest audit event of the workspace, read before the keys: the page reflects at
     * least every change up to it. Resume the event stream after the first page's.
     */
    eventId: z.string().nullable(),
    /**
     * Whether the workspace holds imported keys (POST /api/v1/keys/import): then a key in
     * another format is looked up by its hash, not refused as MALFORMED.
     */
    importedKeys: z.boolean(),
    keys: z.array(snapshotEntrySchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "VerifierSnapshot" });
export type Snapshot = z.output<typeof snapshotSchema>;

export const USAGE_BATCH_MAX = 100;
const COUNT_MAX = 10_000_000;

export const verifierUsageSchema = z
  .strictObject({
    usage: z
      .array(
        z.strictObject({
          keyId: z.string().min(1).max(64),
          /** VALID answers given since the last report. */
          success: z.number().int().min(0).max(COUNT_MAX),
          /** Every other answer about this key (REVOKED, EXPIRED, INSUFFICIENT_SCOPE …). */
          failure: z.number().int().min(0).max(COUNT_MAX),
          /** The latest VALID answer (a future time counts as now). */
          lastUsedAt: dateTimeSchema.nullable().optional(),
          /** The address the key was last used from, as given to verify(). */
          ip: z.union([z.ipv4(), z.ipv6()], { error: "Use an IPv4 or IPv6 address" }).nullable().optional(),
          userAgent: z.string().max(400).nullable().optional(),
        }),
      )
      .min(1, "Send at least one key's usage")
      .max(USAGE_BATCH_MAX, `At most ${USAGE_BATCH_MAX} keys a batch`),
  })
  .meta({
    id: "VerifierUsage",
    override: {
      examples: [
        {
          usage: [
            {
              keyId: "key_4hd8Wq2Lx0cP7mRv9TnB",
              success: 120,
              failure: 3,
              lastUsedAt: "2026-12-04T16:00:00.000Z",
              ip: "203.0.113.7",
              userAgent: "billing-service/1.4",
            },
          ],
        },
      ],
    },
  });
export type VerifierUsageInput = z.output<typeof verifierUsageSchema>;

export const verifierUsageResultSchema = z
  .object({
    /** Keys whose usage was counted. */
    accepted: z.number(),
    /** Keys this verifier may not see (another workspace's, or none such): not counted. */
    ignored: z.array(z.string()),
  })
  .meta({ id: "VerifierUsageResult" });

import { z } from "zod";
import { HYGIENE_FINDINGS } from "../../keys/hygiene-findings";
import { keySchema } from "./keys";

/** GET /api/v1/keys/hygiene: optionally one finding only. */
export const hygieneQuerySchema = z.strictObject({
  finding: z.enum(HYGIENE_FINDINGS, { error: `Use one of ${HYGIENE_FINDINGS.join(", ")}` }).optional(),
});

export const hygieneKeySchema = keySchema
  .extend({
    /** Why the key is listed: never_used, unused_30d (used, but not in the last 30 days; also true of unused_90d), unused_90d, never_expires, creator_left. */
    findings: z.array(z.enum(HYGIENE_FINDINGS)),
  })
  .meta({ id: "HygieneKey" });

export const hygieneReportSchema = z
  .object({
    /** The workspace's keys that still work or could again (not revoked, rotated or expired) with a finding, stalest first. */
    data: z.array(hygieneKeySchema),
    /** Keys per finding (over all of them, whatever the `finding` asked for). */
    counts: z.record(z.enum(HYGIENE_FINDINGS), z.number().int()),
    /** True when more keys have findings than the list holds (it shows the stalest first). */
    truncated: z.boolean(),
  })
  .meta({ id: "HygieneReport" });
export type HygieneReport = z.output<typeof hygieneReportSchema>;

/** POST /api/v1/keys/bulk/revoke and /bulk/disable. */
export const bulkKeysSchema = z
  .strictObject({
    ids: z
      .array(z.string().min(1).max(64))
      .min(1, "Choose at least one key")
      .max(100, "At most 100 keys at a time")
      .transform((ids) => [...new Set(ids)]),
  })
  .meta({ id: "BulkKeys", override: { examples: [{ ids: ["key_01J…", "key_01K…"] }] } });

export const bulkResultSchema = z
  .object({
    /** The keys changed now, one audit event each. */
    done: z.array(z.string()),
    /** The keys left as they were: already revoked or disabled (or revoked, for disable). */
    unchanged: z.array(z.string()),
    /** The keys refused, with why (not found, not yours to manage). */
    failed: z.array(z.object({ id: z.string(), code: z.string(), message: z.string() })),
  })
  .meta({ id: "BulkResult" });
export type BulkResult = z.output<typeof bulkResultSchema>;

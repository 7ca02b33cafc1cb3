import { z } from "zod";
import type { Db } from "../db/client";

export const USAGE_RANGES = {
  "24h": { points: 24, stepMs: 3_600_000 },
  "7d": { points: 7, stepMs: 86_400_000 },
  "30d": { points: 30, stepMs: 86_400_000 },
} as const;
export type UsageRange = keyof typeof USAGE_RANGES;

export const usageQuerySchema = z.strictObject({
  range: z.enum(Object.keys(USAGE_RANGES) as [UsageRange, ...UsageRange[]]).default("24h"),
});

export const usageReportSchema = z
  .object({
    keyId: z.string(),
    range: z.enum(["24h", "7d", "30d"]),
    granularity: z.enum(["hour", "day"]),
    points: z.array(z.object({ start: z.string(), success: z.number(), failure: z.number() })),
    totals: z.object({ success: z.number(), failure: z.number() }),
  })
  .meta({ id: "UsageReport" });
export type UsageReport = z.output<typeof usageReportSchema>;

/** Verifications per hour (24h) or per UTC day (7d, 30d), zeros included, oldest first. */
export async function usageReport(db: Db, keyId: string, range: UsageRange, now: Date): Promise<UsageReport> {
  const { points, stepMs } = USAGE_RANGES[range];
  const end = Math.floor(now.getTime() / stepMs) * stepMs + stepMs;
  const start = end - points * stepMs;
  const rows = await db.keyUsageBucket.findMany({
    where: { keyId, hour: { gte: new Date(start), lt: new Date(end) } },
    select: { hour: true, success: true, failure: true },
  });
  const series = Array.from({ length: points }, (_, i) => ({ start: start + i * stepMs, success: 0, failure: 0 }));
  for (const row of rows) {
    const point = series[Math.floor((row.hour.getTime() - start) / stepMs)];
    point.success += row.success;
    point.failure += row.failure;
  }
  return usageReportSchema.parse({
    keyId,
    range,
    granularity: stepMs === 3_600_000 ? "hour" : "day",
    points: series.map((p) => ({ ...p, start: new Date(p.start).toISOString() })),
    totals: {
      success: series.reduce((sum, p) => sum + p.success, 0),
      failure: series.reduce((sum, p) => sum + p.failure, 0),
    },
  });
}

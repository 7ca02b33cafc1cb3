import { z } from "zod";

/** Keys a call may report: GitHub's token-revocation API sends batches of this size at most. */
export const LEAK_REPORT_MAX_KEYS = 100;

/**
 * POST /api/v1/keys/report-leak, in the shape of GitHub's token-revocation API. Any text may
 * be reported: what is not a live Keysmith key (format, checksum, existence) is ignored, and
 * the answer is the same either way.
 */
export const reportLeakSchema = z
  .strictObject({
    keys: z
      .array(z.string().min(1, "Empty key").max(512, "Too long to be a key"))
      .min(1, "Report at least one key")
      .max(LEAK_REPORT_MAX_KEYS, `At most ${LEAK_REPORT_MAX_KEYS} keys a call`),
    /** Who found them: "GitHub secret scanning", "keysmith scan" … */
    source: z.string().trim().min(1, "Empty source").max(200, "Use at most 200 characters").optional(),
    /** Where they were found. */
    url: z
      .url({ protocol: /^https?$/, error: "An http:// or https:// URL" })
      .max(2000, "Use at most 2000 characters")
      .optional(),
  })
  .meta({
    id: "LeakReport",
    override: {
      examples: [
        {
          keys: ["sk_live_3f9aQx7LmN2pR8tV4wY6zB1cD5eF9gH0jK2mA7b8c"],
          source: "GitHub secret scanning",
          url: "https://github.com/acme/app/blob/main/.env",
        },
      ],
    },
  });
export type LeakReportInput = z.output<typeof reportLeakSchema>;

/** The same answer whatever the keys were: how many strings arrived, never what became of them. */
export const leakReportReceivedSchema = z
  .object({ received: z.number().int().meta({ description: "How many keys the report held" }) })
  .meta({ id: "LeakReportReceived" });

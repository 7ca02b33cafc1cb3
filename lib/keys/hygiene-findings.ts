/** Why the hygiene view lists a key. Its own module, with no dependency: the page's filters import it. */
export const HYGIENE_FINDINGS = ["never_used", "unused_30d", "unused_90d", "never_expires", "creator_left"] as const;
export type HygieneFinding = (typeof HYGIENE_FINDINGS)[number];

export const HYGIENE_FINDING_LABELS: Record<HygieneFinding, string> = {
  never_used: "Never used",
  unused_30d: "Unused for 30 days",
  unused_90d: "Unused for 90 days",
  never_expires: "Never expires",
  creator_left: "Creator left",
};

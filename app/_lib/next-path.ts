/** Only same-site paths may be redirect targets after sign-in (no open redirects). */
export function safeNextPath(next: string | string[] | undefined): string | null {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return null;
  return next;
}

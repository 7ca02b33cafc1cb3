/** Small helpers for the benchmarks' markdown reports. */
export const mark = (met: boolean) => (met ? "✅ met" : "❌ missed");

export const int = (n: number) => Math.round(n).toLocaleString("en");

export const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));

/** A table: the first row is the header; columns whose header starts with a space align right. */
export function table(header: string[], rows: (string | number)[][]): string[] {
  const align = header.map((h) => (h.startsWith(" ") ? "---:" : "---"));
  return [
    `| ${header.map((h) => h.trim()).join(" | ")} |`,
    `|${align.join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ];
}

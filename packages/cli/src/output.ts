/** Output for people (aligned tables) and for scripts (--json): data on stdout, messages on stderr. */

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Columns padded to their widest cell; an empty list says so instead of printing a bare header. */
export function printTable(headers: string[], rows: string[][], empty = "Nothing to show."): void {
  if (rows.length === 0) {
    process.stderr.write(`${empty}\n`);
    return;
  }
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  process.stdout.write(`${[line(headers), ...rows.map(line)].join("\n")}\n`);
}

/** Label / value pairs, one a line: `keys get`, `whoami`. */
export function printFields(fields: [string, string][]): void {
  const width = Math.max(...fields.map(([label]) => label.length));
  process.stdout.write(`${fields.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join("\n")}\n`);
}

export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** "3 min ago", "in 2 days", "never": good enough for a terminal, exact times are in --json. */
export function ago(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return "never";
  const diff = new Date(iso).getTime() - now;
  const abs = Math.abs(diff);
  const units: [number, string][] = [
    [86_400_000, "day"],
    [3_600_000, "hour"],
    [60_000, "min"],
  ];
  for (const [size, name] of units) {
    if (abs >= size) {
      const n = Math.floor(abs / size);
      const text = `${n} ${name}${n === 1 || name === "min" ? "" : "s"}`;
      return diff < 0 ? `${text} ago` : `in ${text}`;
    }
  }
  return "just now";
}

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Prints a benchmark's markdown report and saves it as <dir>/<name>.md (bench/results by default). */
export function writeReport(name: string, report: string, log: (line: string) => void, dir = "bench/results"): void {
  console.log(report);
  const out = join(dir, `${name}.md`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(out, report);
  log(`wrote ${out}`);
}

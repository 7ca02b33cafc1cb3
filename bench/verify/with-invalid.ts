import { readFileSync, writeFileSync } from "node:fs";

/** Adds one unknown key per nine valid ones (10 % of the mix) and shuffles. */
export function withInvalid(file: string, invalid: (valid: string) => string): string {
  const valid = readFileSync(file, "utf8").split("\n").filter(Boolean);
  const mixed = [...valid, ...valid.slice(0, Math.round(valid.length / 9)).map(invalid)];
  for (let i = mixed.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [mixed[i], mixed[j]] = [mixed[j], mixed[i]];
  }
  const out = file.replace(/\.txt$/, "-load.txt");
  writeFileSync(out, `${mixed.join("\n")}\n`);
  return out;
}

import { describe, expect, it } from "vitest";
import { generateKey } from "../../../lib/keys/format";
import { lineNumbers } from "./scan-files";
import { PatchReader } from "./scan-history";

describe("keysmith scan's reading", () => {
  it("numbers lines from 1", () => {
    const text = "a\nbb\n\nccc x\nd";
    expect(lineNumbers(text, [0, 2, 6, 10, 12])).toEqual([1, 2, 4, 4, 5]);
  });

  it("finds keys in the lines each commit added, with the file and its line in that version", () => {
    const key = generateKey("sk", "live");
    const gone = generateKey("acme", "prod");
    const commit = (n: number) => `commit ${String(n).repeat(40)}`;
    const patch = [
      commit(2),
      "diff --git a/.env b/.env",
      "index 1111111..2222222 100644",
      "--- a/.env",
      "+++ b/.env",
      "@@ -1,3 +1,3 @@",
      " HOST=x",
      `-API_KEY=${gone}`,
      "+API_KEY=",
      " PORT=1",
      commit(1),
      "diff --git a/.env b/.env",
      "new file mode 100644",
      "--- /dev/null",
      "+++ b/.env",
      "@@ -0,0 +1,3 @@",
      "+HOST=x",
      `+API_KEY=${gone}`,
      "+PORT=1",
      "diff --git a/src/app.ts b/src/app.ts",
      "--- a/src/app.ts",
      "+++ b/src/app.ts",
      "@@ -10,2 +10,3 @@ function f() {",
      " const a = 1;",
      `+const key = "${key}"; // ${key}`,
      "@@ -40 +41 @@",
      `+${"x"} sk_live_${"a".repeat(38)}`,
    ];
    const reader = new PatchReader();
    for (const line of patch) reader.line(line);
    expect(reader.commits).toBe(2);
    expect(reader.findings).toEqual([
      { key: gone, commit: "1".repeat(40), file: ".env", line: 2 },
      { key, commit: "1".repeat(40), file: "src/app.ts", line: 11 },
      { key, commit: "1".repeat(40), file: "src/app.ts", line: 11 },
    ]);
  });
});

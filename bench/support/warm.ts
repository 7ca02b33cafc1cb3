import { readFileSync } from "node:fs";

/**
 * One pass over every key of a load file (its first column), 16 at a time; afterwards every
 * key is cached. Returns how many answers had each HTTP status.
 */
export async function pass(url: string, keysFile: string): Promise<Map<number, number>> {
  const keys = readFileSync(keysFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split(" ")[0]);
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ key: keys[next++] }),
      });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return statuses;
}

/** pass(), which must be answered 200 throughout. */
export async function warm(url: string, keysFile: string): Promise<void> {
  const statuses = await pass(url, keysFile);
  const other = [...statuses].filter(([status]) => status !== 200);
  if (other.length) throw new Error(`${url} answered ${JSON.stringify(Object.fromEntries(other))} during warm-up`);
}

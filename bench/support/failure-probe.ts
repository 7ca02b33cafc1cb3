import type { Keysmith } from "./keysmith";
import { pass } from "./warm";
import { wrk } from "./wrk";

/**
 * Whether Keysmith at its defaults lets the load generator through: one pass over every key
 * (as the warm-up sends them, so every unknown key once), then a short run of the same load,
 * every answer checked. One address sending 10 % unknown keys is what a user's backend
 * looks like; a 429 would mean valid keys refused because of others, and fails the bench.
 */
export interface FailureProbe {
  requests: number;
  refused: number;
  seconds: number;
}

export async function probeFailureProtection(
  keysmith: Keysmith,
  loadFile: string,
  load: { seconds: number; connections: number },
): Promise<FailureProbe> {
  const url = `${keysmith.url}/api/v1/keys/verify`;
  const once = await pass(url, loadFile);
  const probe = await wrk(url, loadFile, { duration: `${load.seconds}s`, connections: load.connections, check: true });
  const requests = [...once.values()].reduce((sum, n) => sum + n, 0) + probe.requests;
  const refused = (once.get(429) ?? 0) + (probe.checked?.status429 ?? 0);
  if (refused > 0) throw new Error(`Keysmith at its defaults refused ${refused} of ${requests} verifications with 429`);
  return { requests, refused, seconds: load.seconds };
}

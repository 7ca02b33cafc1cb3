import { type Keysmith, type KeysmithOptions, startKeysmith } from "./keysmith";
import { pass } from "./warm";
import { wrk } from "./wrk";

/**
 * Whether Keysmith at its defaults lets the load generator through: one pass over every key
 * (as the warm-up sends them, so every unknown key once), then a short run of the same load,
 * every answer checked. If the per-address failure protection answered 429, Keysmith is
 * restarted (same data) telling it the generator is trusted, and the report says so.
 */
export interface FailureProbe {
  keysmith: Keysmith;
  options: KeysmithOptions;
  requests: number;
  refused: number;
  seconds: number;
}

export async function probeFailureProtection(
  keysmith: Keysmith,
  options: KeysmithOptions,
  loadFile: string,
  load: { seconds: number; connections: number },
): Promise<FailureProbe> {
  const url = `${keysmith.url}/api/v1/keys/verify`;
  const once = await pass(url, loadFile);
  const probe = await wrk(url, loadFile, { duration: `${load.seconds}s`, connections: load.connections, check: true });
  const requests = [...once.values()].reduce((sum, n) => sum + n, 0) + probe.requests;
  const refused = (once.get(429) ?? 0) + (probe.checked?.status429 ?? 0);
  const result = { keysmith, options, requests, refused, seconds: load.seconds };
  if (refused === 0) return result;
  await keysmith.stop();
  const trusted = { ...options, trustLoadGenerator: true };
  return { ...result, keysmith: await startKeysmith(trusted), options: trusted };
}

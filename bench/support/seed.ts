import { generateKey } from "../../lib/keys/format";
import { type CreatedKey, OwnerClient } from "./api-client";
import { type LoadKey, withUnknown } from "./load-file";

/** Keys created as users create them: a new owner and workspace, then POST /api/v1/keys. */
export interface Seeded {
  owner: OwnerClient;
  keys: CreatedKey[];
  /** Wall time of the sign-up, the workspace and every key. */
  seconds: number;
  concurrency: number;
}

export async function seedThroughApi(baseUrl: string, count: number, concurrency: number): Promise<Seeded> {
  const started = performance.now();
  const owner = await OwnerClient.signUp(baseUrl);
  const keys = await owner.createKeys(count, concurrency);
  return { owner, keys, seconds: (performance.now() - started) / 1000, concurrency };
}

/** The keys as wrk sends them: each valid, plus 10 % unknown (well-formed, never issued). */
export function verifyLoad(keys: CreatedKey[]): LoadKey[] {
  return withUnknown<LoadKey>(
    keys.map((k) => ({ key: k.key, id: k.id, codes: ["VALID"] })),
    () => ({ key: generateKey("sk", "live"), id: null, codes: ["NOT_FOUND"] }),
  );
}

import type { FailureProbe } from "./failure-probe";
import { type KeysmithOptions, keysmithCommand } from "./keysmith";
import { int } from "./markdown";
import type { Seeded } from "./seed";

/** The reports' paragraphs on how Keysmith was started and where its keys came from. */
export function howKeysmithRan(seed: Seeded, probe: FailureProbe, options: KeysmithOptions): string[] {
  const defaults = keysmithCommand(options);
  const keys = seed.keys.length;
  const counts = `${int(probe.refused)} of ${int(probe.requests)} answers to a probe: one pass over every key (every unknown key once), then ${probe.seconds} s of the same load`;
  return [
    `Started as \`npm start\` starts it: \`${defaults}\` — the default usage flush (every 2 s, running throughout), default limits and cache, nothing else set.`,
    "",
    `Its ${int(keys)} keys were created the way users create them: a user signed up (\`POST /api/auth/sign-up/email\`), created a workspace (\`POST /api/v1/workspaces\`), then created the keys with \`POST /api/v1/keys\` and the session cookie, ${seed.concurrency} requests at a time: **${seed.seconds.toFixed(1)} s** for all of it (${int(keys / seed.seconds)} keys/s). The load adds 10 % well-formed unknown keys (one per nine valid ones).`,
    "",
    `Nothing is limited per address: the load generator, one address sending 10 % unknown keys as a user's backend would, was let through (429 for ${counts}).`,
  ];
}

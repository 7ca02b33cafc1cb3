import type { FailureProbe } from "./failure-probe";
import { keysmithCommand, TRUSTED_LOAD_GENERATOR } from "./keysmith";
import { int } from "./markdown";
import type { Seeded } from "./seed";

/** The reports' paragraphs on how Keysmith was started and where its keys came from. */
export function howKeysmithRan(seed: Seeded, probe: FailureProbe): string[] {
  const defaults = keysmithCommand({ ...probe.options, trustLoadGenerator: false });
  const keys = seed.keys.length;
  const setting = Object.entries(TRUSTED_LOAD_GENERATOR)
    .map(([name, value]) => `\`${name}=${value}\``)
    .join(" ");
  const counts = `${int(probe.refused)} of ${int(probe.requests)} answers to a probe: one pass over every key (every unknown key once), then ${probe.seconds} s of the same load`;
  return [
    `Started as \`npm start\` starts it: \`${defaults}\` — the default usage flush (every 2 s, running throughout), default limits and cache, nothing else set.`,
    "",
    `Its ${int(keys)} keys were created the way users create them: a user signed up (\`POST /api/auth/sign-up/email\`), created a workspace (\`POST /api/v1/workspaces\`), then created the keys with \`POST /api/v1/keys\` and the session cookie, ${seed.concurrency} requests at a time: **${seed.seconds.toFixed(1)} s** for all of it (${int(keys / seed.seconds)} keys/s). The load adds 10 % well-formed unknown keys (one per nine valid ones).`,
    "",
    probe.options.trustLoadGenerator
      ? `**At those defaults the per-address failure protection refused the load generator**: 429 for ${counts}. The 10 % unknown keys use up the address's budget of failed verifications within a second, and from then on its valid keys are refused too. So Keysmith was restarted on the same data telling the protection that the load generator is trusted — ${setting}, the one setting changed: \`${keysmithCommand(probe.options)}\` — until the protection stops counting unknown keys against valid ones.`
      : `At those defaults the per-address failure protection let the load generator through: 429 for ${counts}.`,
  ];
}

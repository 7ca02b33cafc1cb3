import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";

/**
 * How long a change made on one instance takes to be seen by another: plain fetch, so the
 * Playwright tests (e2e/scale) and the benchmark (bench/revoke-propagation) share it.
 */
const PASSWORD = "correct-horse-battery";
/** A poll that has not seen the change after this long gives up (and the round fails). */
const GIVE_UP_MS = 5_000;

/** A signed-in dashboard session (cookie), sending the same-origin header mutations need. */
export class HttpSession {
  constructor(
    readonly baseURL: string,
    private readonly cookie: string,
  ) {}

  // biome-ignore lint/suspicious/noExplicitAny: callers check the fields they use
  async call<T = any>(method: string, path: string, body?: unknown, expectStatus = 200): Promise<T> {
    const response = await fetch(`${this.baseURL}${path}`, {
      method,
      headers: { origin: this.baseURL, cookie: this.cookie, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== expectStatus) {
      throw new Error(`${method} ${path} answered ${response.status}, expected ${expectStatus}: ${text}`);
    }
    return text ? JSON.parse(text) : (undefined as T);
  }
}

export async function signUpSession(baseURL: string, label: string): Promise<HttpSession & { email: string }> {
  const email = `${label}-${randomUUID().slice(0, 8)}@example.com`;
  const response = await fetch(`${baseURL}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { origin: baseURL, "content-type": "application/json" },
    body: JSON.stringify({ name: label, email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return Object.assign(new HttpSession(baseURL, cookie), { email });
}

/** An owner with a new workspace, and a second user in it with `role`. */
export async function ownerAndMember(baseURL: string, role: "admin" | "member" = "admin") {
  const owner = await signUpSession(baseURL, "owner");
  const slug = `ws-${randomUUID().slice(0, 8)}`;
  const workspace = await owner.call("POST", "/api/v1/workspaces", { name: `Workspace ${slug}`, slug }, 201);
  const member = await signUpSession(baseURL, role);
  const invitation = await owner.call("POST", "/api/v1/members/invitations", { email: member.email, role }, 201);
  await member.call("POST", `/api/v1/invitations/${invitation.id}/accept`);
  const members = await owner.call("GET", "/api/v1/members");
  const memberId: string = members.data.find((m: { email: string }) => m.email === member.email).id;
  return { owner, member, memberId, workspace };
}

export interface VerifyAnswer {
  valid: boolean;
  code: string;
  scopes: string[];
}

export async function verifyOn(baseURL: string, key: string): Promise<VerifyAnswer> {
  const response = await fetch(`${baseURL}/api/v1/keys/verify`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ key }),
  });
  if (response.status !== 200) throw new Error(`verify answered ${response.status}: ${await response.text()}`);
  return response.json();
}

export async function metricOf(baseURL: string, name: string): Promise<number> {
  const text = await (await fetch(`${baseURL}/api/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no metric ${name} at ${baseURL}`);
  return Number(line.split(" ")[1]);
}

/** Verifies on `baseURL` back to back until `seen` holds; resolves with the time it did. */
async function pollUntil(baseURL: string, key: string, seen: (answer: VerifyAnswer) => boolean): Promise<number> {
  const deadline = performance.now() + GIVE_UP_MS;
  for (;;) {
    const answer = await verifyOn(baseURL, key);
    const now = performance.now();
    if (seen(answer)) return now;
    if (now > deadline) throw new Error(`change not seen on ${baseURL} after ${GIVE_UP_MS} ms`);
  }
}

export interface Propagation {
  /** From the moment the changing instance answered (the change is committed) to the first answer showing it. */
  afterAck: number;
  /** From the moment the change request was sent. */
  afterRequest: number;
}

/**
 * Verifies `key` twice on `baseURL`: the first may load it, the second is then a cache hit.
 * (Callers prove the caching from keysmith_key_cache_misses_total over a whole run, since
 * reading /api/metrics in every round would slow the rounds down.)
 */
async function warmOn(baseURL: string, key: string, valid: (answer: VerifyAnswer) => boolean): Promise<void> {
  for (let i = 0; i < 2; i++) {
    const answer = await verifyOn(baseURL, key);
    if (!valid(answer)) throw new Error(`expected a valid key on ${baseURL}, got ${answer.code}`);
  }
}

async function timeChange(change: () => Promise<unknown>, poll: () => Promise<number>) {
  const sent = performance.now();
  await change();
  const acked = performance.now();
  const seen = await poll();
  return { afterAck: seen - acked, afterRequest: seen - sent };
}

/**
 * `rounds` times: a new key on A, cached on B, revoked on A; how long until B refuses it.
 * B loads each key exactly twice (before, and once the revocation dropped it): 2 misses a round.
 */
export async function measureRevocations(owner: HttpSession, otherURL: string, rounds: number): Promise<Propagation[]> {
  const results: Propagation[] = [];
  for (let i = 0; i < rounds; i++) {
    const key = await owner.call("POST", "/api/v1/keys", { name: `propagation ${i}` }, 201);
    await warmOn(otherURL, key.key, (a) => a.code === "VALID");
    const timing = await timeChange(
      () => owner.call("DELETE", `/api/v1/keys/${key.id}`),
      () => pollUntil(otherURL, key.key, (a) => a.code === "REVOKED"),
    );
    results.push(timing);
  }
  return results;
}

/**
 * `rounds` times: the member's key is cached on B with keys.write; the owner demotes the
 * member to "member" on A; how long until B's answer drops keys.write. Promoted back between
 * rounds. B loads the key twice a round (after the demotion, after the promotion), once more at first.
 */
export async function measureDemotions(
  owner: HttpSession,
  memberId: string,
  memberKey: string,
  otherURL: string,
  rounds: number,
): Promise<Propagation[]> {
  const canWrite = (a: VerifyAnswer) => a.valid && a.scopes.includes("keys.write");
  const results: Propagation[] = [];
  for (let i = 0; i < rounds; i++) {
    await warmOn(otherURL, memberKey, canWrite);
    const timing = await timeChange(
      () => owner.call("PATCH", `/api/v1/members/${memberId}`, { role: "member" }),
      () => pollUntil(otherURL, memberKey, (a) => a.valid && !a.scopes.includes("keys.write")),
    );
    results.push(timing);
    await owner.call("PATCH", `/api/v1/members/${memberId}`, { role: "admin" });
    await pollUntil(otherURL, memberKey, canWrite);
  }
  return results;
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarize(values: number[]) {
  return { p50: percentile(values, 50), p99: percentile(values, 99), max: Math.max(...values), n: values.length };
}

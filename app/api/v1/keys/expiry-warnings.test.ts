import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createWorkspaceAs, type InProcess, startInProcess } from "@/app/api/v1/_testing/in-process";
import { GET as listAudit } from "@/app/api/v1/audit/route";
import { POST as accept } from "@/app/api/v1/invitations/[id]/accept/route";
import { DELETE as revoke } from "@/app/api/v1/keys/[id]/route";
import { POST as createKey, GET as listKeys } from "@/app/api/v1/keys/route";
import { POST as invite } from "@/app/api/v1/members/invitations/route";
import { startSmtp, type TestSmtp } from "@/e2e/support/smtp";
import { sweepKeys } from "@/lib/keys/key-sweeper";

/**
 * Warnings before expiry with an injected clock: key.expiring 7 days and 1 day before, then
 * key.expired, each once however often (and however concurrently) the sweep runs; mailed
 * through a real SMTP server to the key's creator and the workspace's owners and admins only.
 */
const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

interface Person {
  cookie: string;
  email: string;
}

describe("expiry warnings", () => {
  let env: InProcess;
  let smtp: TestSmtp;
  let owner: Person;
  let admin: Person;
  let member: Person;
  let bystander: Person;
  let keyId: string;
  let quietKeys: string[];

  const signUp = async (label: string): Promise<Person> => {
    const email = `${label}-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const res = await env.runtime.auth.api.signUpEmail({
      body: { name: label, email, password: "correct-horse-battery" },
      asResponse: true,
    });
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    return { cookie, email };
  };
  const join = async (person: Person, role: "admin" | "member") => {
    const invitation = await call(invite, "POST", "/api/v1/members/invitations", {
      cookie: owner.cookie,
      body: { email: person.email, role },
    });
    expect(invitation.status).toBe(201);
    const accepted = await call(accept, "POST", `/api/v1/invitations/${invitation.body.id}/accept`, {
      cookie: person.cookie,
      params: { id: invitation.body.id },
    });
    expect(accepted.status).toBe(200);
  };
  const sweep = () => sweepKeys(env.runtime.database.db, env.now());
  const eventsOf = async (targetId: string) => {
    const res = await call(listAudit, "GET", `/api/v1/audit?targetId=${targetId}`, { cookie: owner.cookie });
    expect(res.status).toBe(200);
    return res.body.data as { action: string; metadata: Record<string, unknown> }[];
  };
  /** The mails about the key (invitations and the like arrive too). */
  const aboutKey = (person: Person) => smtp.mailTo(person.email).filter((m) => m.subject.includes('"Fortnight"'));
  /** Mail is sent in the background: wait for what should arrive, then a moment for anything that should not. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  beforeAll(async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
    process.env.MAIL_FROM = "keys@example.com";
    // The runtime's own sweep stays out of the way: the test sweeps when it moves the clock.
    process.env.KEYSMITH_EXPIRY_SWEEP_MS = String(60 * 60 * 1000);
    env = await startInProcess();
    owner = await signUp("owner");
    await createWorkspaceAs(owner.cookie, { name: "Expiry Warnings", slug: "expiry-warnings", keyPrefix: "ew" });
    admin = await signUp("admin");
    member = await signUp("member");
    bystander = await signUp("bystander");
    await join(admin, "admin");
    await join(member, "member");
    await join(bystander, "member");

    const created = await call(createKey, "POST", "/api/v1/keys", {
      cookie: member.cookie,
      body: { name: "Fortnight", environment: "test", scopes: ["keys.read"], expiresIn: "15d" },
    });
    expect(created.status).toBe(201);
    keyId = created.body.id;
    // Keys nothing should be said about: no expiry, a far expiry, revoked.
    const never = await call(createKey, "POST", "/api/v1/keys", {
      cookie: owner.cookie,
      body: { name: "Forever", environment: "test" },
    });
    const far = await call(createKey, "POST", "/api/v1/keys", {
      cookie: owner.cookie,
      body: { name: "Far away", environment: "test", expiresIn: "90d" },
    });
    const revoked = await call(createKey, "POST", "/api/v1/keys", {
      cookie: owner.cookie,
      body: { name: "Revoked early", environment: "test", expiresIn: "15d" },
    });
    expect(
      (
        await call(revoke, "DELETE", `/api/v1/keys/${revoked.body.id}`, {
          cookie: owner.cookie,
          params: { id: revoked.body.id },
        })
      ).status,
    ).toBe(200);
    quietKeys = [never.body.id, far.body.id, revoked.body.id];
  });
  afterAll(async () => {
    await env?.runtime.close();
    await smtp?.close();
  });

  it("says nothing while the key has more than 7 days left", async () => {
    env.advance(7 * DAY);
    await sweep();
    expect((await eventsOf(keyId)).map((e) => e.action)).toEqual(["key.created"]);
  });

  it("the expiring-soon filter lists the key once it is within 7 days, and not the others", async () => {
    const before = await call(listKeys, "GET", "/api/v1/keys?status=expiring_soon", { cookie: owner.cookie });
    expect(before.body.data).toEqual([]);
    env.advance(DAY + MINUTE);
    const soon = await call(listKeys, "GET", "/api/v1/keys?status=expiring_soon", { cookie: owner.cookie });
    expect(soon.status).toBe(200);
    expect(soon.body.data.map((k: { id: string }) => k.id)).toEqual([keyId]);
    expect(soon.body.data[0].status).toBe("expiring_soon");
  });

  it("7 days before: one key.expiring, mailed to the creator, the owner and the admin, not to other members", async () => {
    await sweep();
    await sweep();
    const events = await eventsOf(keyId);
    expect(events.map((e) => e.action)).toEqual(["key.expiring", "key.created"]);
    expect(events[0].metadata).toMatchObject({ name: "Fortnight", daysLeft: 7 });
    expect(Date.parse(String(events[0].metadata.expiresAt))).toBeGreaterThan(env.now().getTime());
    for (const person of [member, owner, admin]) {
      const mail = await smtp.nextMailTo(person.email, /expires in 7 days/);
      expect(mail.subject).toBe('The API key "Fortnight" expires in 7 days');
      expect(mail.text).toContain("Expiry Warnings");
      expect(mail.text).toContain(`/expiry-warnings/keys/${keyId}`);
    }
    await settle();
    expect(aboutKey(member)).toHaveLength(1);
    expect(aboutKey(member)[0].text).toContain("because you created the key");
    expect(aboutKey(admin)[0].text).toContain("owner or admin");
    expect(aboutKey(bystander)).toEqual([]);
  });

  it("1 day before: one more key.expiring, even with two sweeps at once", async () => {
    env.advance(6 * DAY);
    await Promise.all([sweep(), sweep()]);
    await sweep();
    const events = await eventsOf(keyId);
    expect(events.map((e) => e.action)).toEqual(["key.expiring", "key.expiring", "key.created"]);
    expect(events[0].metadata).toMatchObject({ daysLeft: 1 });
    for (const person of [member, owner, admin]) {
      expect((await smtp.nextMailTo(person.email, /within a day/)).subject).toBe(
        'The API key "Fortnight" expires within a day',
      );
    }
    await settle();
    expect(aboutKey(owner)).toHaveLength(2);
  });

  it("at expiry: one key.expired, mailed once each; nothing about the other keys, ever", async () => {
    env.advance(DAY);
    await Promise.all([sweep(), sweep()]);
    await sweep();
    const events = await eventsOf(keyId);
    expect(events.map((e) => e.action)).toEqual(["key.expired", "key.expiring", "key.expiring", "key.created"]);
    for (const person of [member, owner, admin]) {
      expect((await smtp.nextMailTo(person.email, /has expired/)).subject).toBe('The API key "Fortnight" has expired');
    }
    await settle();
    expect(aboutKey(admin)).toHaveLength(3);
    expect(aboutKey(bystander)).toEqual([]);
    for (const id of quietKeys) {
      const actions = (await eventsOf(id)).map((e) => e.action);
      expect(actions).not.toContain("key.expiring");
      expect(actions).not.toContain("key.expired");
    }
  });
});

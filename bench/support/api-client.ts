import { randomUUID } from "node:crypto";

/**
 * Keysmith's HTTP API as a signed-in workspace owner uses it: better-auth's email sign-up,
 * then the session cookie with a same-origin Origin header (the CSRF rule) on every call.
 */
export interface CreatedKey {
  id: string;
  key: string;
}

export class OwnerClient {
  private readonly cookies = new Map<string, string>();

  /** The workspace created at sign-up. */
  slug = "";

  private constructor(readonly baseUrl: string) {}

  /** The session's cookies, for a browser that should be signed in as this owner. */
  sessionCookies(): { name: string; value: string }[] {
    return [...this.cookies].map(([name, value]) => ({ name, value }));
  }

  /** Signs up a new user and creates a workspace (key prefix `sk`) they own. */
  static async signUp(baseUrl: string): Promise<OwnerClient> {
    const client = new OwnerClient(baseUrl);
    const id = randomUUID().slice(0, 8);
    await client.call("POST", "/api/auth/sign-up/email", 200, {
      name: "Bench Owner",
      email: `bench-${id}@example.com`,
      password: "benchmark-password",
    });
    client.slug = `bench-${id}`;
    await client.call("POST", "/api/v1/workspaces", 201, { name: "Bench", slug: client.slug, keyPrefix: "sk" });
    return client;
  }

  createKey(name: string): Promise<CreatedKey> {
    return this.call("POST", "/api/v1/keys", 201, { name, environment: "live", scopes: ["keys.read"] });
  }

  /** With no grace period: the old key answers EXPIRED at once. */
  rotateKey(id: string): Promise<CreatedKey> {
    return this.call("POST", `/api/v1/keys/${id}/rotate`, 201, { gracePeriod: 0 });
  }

  async revokeKey(id: string): Promise<void> {
    await this.call("DELETE", `/api/v1/keys/${id}`, 200);
  }

  /** Creates `count` keys, `concurrency` requests at a time (the dashboard's API, nothing faster). */
  async createKeys(count: number, concurrency: number, namePrefix = "bench"): Promise<CreatedKey[]> {
    const keys: CreatedKey[] = new Array(count);
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        keys[i] = await this.createKey(`${namePrefix}-${i}`);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return keys;
  }

  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field by the callers above
  private async call(method: string, path: string, status: number, body?: unknown): Promise<any> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        origin: this.baseUrl,
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // better-auth refreshes its cached session cookie now and then; keep what it sends.
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
    }
    const text = await res.text();
    if (res.status !== status) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  }
}

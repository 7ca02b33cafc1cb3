/** The bench's owner session (cookies from bench/support/api-client's sign-up) making keys with any settings. */
export class WorkspaceAdmin {
  private readonly cookie: string;

  constructor(
    readonly baseUrl: string,
    cookies: { name: string; value: string }[],
  ) {
    this.cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  }

  createKey(body: Record<string, unknown>): Promise<{ id: string; key: string }> {
    return this.call("POST", "/api/v1/keys", 201, body);
  }

  async revoke(id: string): Promise<void> {
    await this.call("DELETE", `/api/v1/keys/${id}`, 200);
  }

  // biome-ignore lint/suspicious/noExplicitAny: callers read the fields they need
  private async call(method: string, path: string, status: number, body?: unknown): Promise<any> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { origin: this.baseUrl, cookie: this.cookie, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== status)
      throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  }
}

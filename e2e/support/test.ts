import { type APIRequestContext, type APIResponse, test as base, request } from "@playwright/test";
import { contractViolation } from "./contract";

export { expect } from "@playwright/test";

/**
 * Playwright's `test` for HTTP tests: every answer of /api/v1 that a test receives, through
 * any request context, is checked against the OpenAPI document, and the test fails if one
 * does not match it. The document cannot drift from what the server answers.
 */
const violations: string[] = [];

type Fetch = APIRequestContext["fetch"];
type FetchOptions = NonNullable<Parameters<Fetch>[1]>;

async function watchContracts(): Promise<void> {
  const probe = await request.newContext();
  const prototype = Object.getPrototypeOf(probe) as { fetch: Fetch; __contract?: true };
  await probe.dispose();
  if (prototype.__contract) return;
  prototype.__contract = true;
  const fetch = prototype.fetch;
  prototype.fetch = async function (this: APIRequestContext, urlOrRequest, options?: FetchOptions) {
    const response: APIResponse = await fetch.call(this, urlOrRequest, options);
    const method = (
      options?.method ?? (typeof urlOrRequest === "string" ? "GET" : urlOrRequest.method())
    ).toUpperCase();
    const violation = contractViolation({
      method,
      url: response.url(),
      status: response.status(),
      contentType: response.headers()["content-type"] ?? "",
      body: method === "HEAD" ? Buffer.alloc(0) : await response.body(),
    });
    if (violation) violations.push(violation);
    return response;
  };
}

export const test = base.extend<{ apiContract: undefined }, { contractWatch: undefined }>({
  contractWatch: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as an object
    async ({}, use) => {
      await watchContracts();
      await use(undefined);
    },
    { scope: "worker", auto: true },
  ],
  apiContract: [
    // biome-ignore lint/correctness/noEmptyPattern: as above
    async ({}, use) => {
      await use(undefined);
      const found = violations.splice(0);
      if (found.length > 0) {
        throw new Error(`Answers that do not match the OpenAPI document:\n${[...new Set(found)].join("\n")}`);
      }
    },
    { auto: true },
  ],
});

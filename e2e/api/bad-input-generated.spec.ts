import { randomUUID } from "node:crypto";
import { badInputCorpus, corpusTargets } from "../support/bad-input-corpus";
import { expect, test } from "../support/test";

/**
 * The bad-input corpus generated from the OpenAPI document, on every operation that takes a
 * body or query: each broken constraint is a 400 naming its field, a value at a bound is not
 * refused for it, nothing is a 500. The contract fixture checks every answer's shape.
 */
test("a corpus generated from the OpenAPI document: 400 naming the field, never a 500", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const { owner, pathFor } = await corpusTargets(baseURL!);

  const corpus = badInputCorpus();
  const problems: string[] = [];
  for (const entry of corpus) {
    const path = pathFor(entry.path);
    // A workspace slug is unique across the instance: the documented example's ("acme") is
    // the browser tests' own workspace, so a corpus that creates one takes a slug of its own.
    const body =
      entry.path === "/api/v1/workspaces" && entry.expect === "within bounds" && entry.body && "json" in entry.body
        ? { json: { ...(entry.body.json as object), slug: `corpus-${randomUUID().slice(0, 8)}` } }
        : entry.body;
    const response = await owner.api.fetch(path, {
      method: entry.method,
      params: entry.query,
      headers: {
        "x-workspace-id": owner.workspace.id,
        ...(body && "raw" in body ? { "content-type": body.contentType } : {}),
      },
      data: body === undefined ? undefined : "raw" in body ? body.raw : body.json,
    });
    const text = await response.text();
    const where = `${entry.method} ${entry.path} [${entry.label}] → ${response.status()} ${text.slice(0, 200)}`;
    if (response.status() >= 500) {
      problems.push(where);
      continue;
    }
    const issues: { field: string }[] =
      response.status() === 400 ? (JSON.parse(text).error?.details?.issues ?? []) : [];
    const named = issues.some((issue) => issue.field === entry.field || issue.field.startsWith(`${entry.field}.`));
    if (entry.expect === "refused" && !(response.status() === 400 && named))
      problems.push(`expected a 400 on "${entry.field}": ${where}`);
    if (entry.expect === "within bounds" && named) problems.push(`refused within bounds: ${where}`);
  }

  expect(problems, `${problems.length} of ${corpus.length}:\n${problems.join("\n")}`).toEqual([]);
  // Every operation with a body or a query is in it.
  const operations = new Set(corpus.map((entry) => `${entry.method} ${entry.path}`));
  expect(operations.size).toBeGreaterThanOrEqual(12);
  expect(corpus.length).toBeGreaterThan(150);
});

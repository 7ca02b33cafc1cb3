import { performance } from "node:perf_hooks";
import { percentile } from "../../e2e/support/propagation";
import { decodeCursor } from "../../lib/api/cursor";
import { type ListKeysQuery, listKeysQuerySchema } from "../../lib/api/schemas/keys";
import type { Db } from "../../lib/db/client";
import type { KeyOwner } from "../../lib/keys/key-owner";
import { keyListQuery } from "../../lib/keys/list-filter";
import { toKeyView } from "../../lib/keys/serialize";
import { listKeys } from "../../lib/keys/service";

/**
 * The parts of a list request that the query and its indexes decide, measured without
 * HTTP (and so without the server's fixed per-request cost, which on a busy shared
 * machine dominates the HTTP figures): the database's own planning and execution time
 * (EXPLAIN ANALYZE), the indexes its plan uses, and the page built in-process
 * (query + row mapping + serialisation).
 */
export interface InProcessFigures {
  planMs: number;
  executeMs: number;
  indexes: string[];
  pageP50: number;
  pageP95: number;
}

const RUNS = 40;

export async function measureInProcess(
  db: Db,
  workspace: KeyOwner,
  search: string,
  depth: number,
): Promise<InProcessFigures> {
  let query: ListKeysQuery = listKeysQuerySchema.parse(Object.fromEntries(new URLSearchParams(search)));
  for (let page = 0; page < depth; page++) {
    const { nextCursor } = await listKeys(db, workspace, query, new Date());
    query = { ...query, cursor: nextCursor ?? undefined };
  }
  const cursor = query.cursor ? decodeCursor(query.cursor, query.sort === "createdAt" ? "date" : "text") : null;
  const sql = keyListQuery(workspace, query, cursor, new Date(), query.limit + 1);
  const plans: { plan: number; execute: number; indexes: string[] }[] = [];
  for (let i = 0; i < 5; i++) {
    const [row] = await db.$queryRawUnsafe<{ "QUERY PLAN": ExplainOutput[] }[]>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`,
      ...sql.values,
    );
    const [output] = row["QUERY PLAN"];
    plans.push({ plan: output["Planning Time"], execute: output["Execution Time"], indexes: indexesOf(output.Plan) });
  }
  const times: number[] = [];
  for (let i = 0; i < RUNS + 5; i++) {
    const now = new Date();
    const t0 = performance.now();
    const page = await listKeys(db, workspace, query, now);
    JSON.stringify({ data: page.rows.map((row) => toKeyView(row, now)), nextCursor: page.nextCursor });
    if (i >= 5) times.push(performance.now() - t0);
  }
  return {
    planMs: percentile(
      plans.map((p) => p.plan),
      50,
    ),
    executeMs: percentile(
      plans.map((p) => p.execute),
      50,
    ),
    indexes: plans[0].indexes,
    pageP50: percentile(times, 50),
    pageP95: percentile(times, 95),
  };
}

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

interface ExplainOutput {
  Plan: PlanNode;
  "Planning Time": number;
  "Execution Time": number;
}

/** How the plan reaches api_key: the indexes it scans, or a sequential scan. */
function indexesOf(node: PlanNode): string[] {
  const index = node["Index Name"];
  const own = index?.startsWith("api_key")
    ? [index]
    : node["Relation Name"] === "api_key" && node["Node Type"] === "Seq Scan"
      ? ["sequential scan"]
      : [];
  return [...new Set([...own, ...(node.Plans ?? []).flatMap(indexesOf)])];
}

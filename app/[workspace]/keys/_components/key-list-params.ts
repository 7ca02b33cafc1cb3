import { KEY_SORTS, type KeyView } from "@/lib/api/schemas/keys";
import { KEY_STATUSES } from "@/lib/keys/expiry";
import { ENVIRONMENT_PATTERN } from "@/lib/keys/shape";

/**
 * What the key table shows, kept in the page URL so reload and back restore it:
 * `?status=active&env=live&creator=usr_1&q=billing&sort=name&order=asc&after=<cursor>`.
 * Defaults are left out of the URL; unknown values fall back to the defaults.
 */
export interface KeyListParams {
  status: KeyView["status"] | null;
  environment: KeyView["environment"] | null;
  creator: string | null;
  search: string;
  sort: (typeof KEY_SORTS)[number];
  order: "asc" | "desc";
  /** Keyset cursors: the page after or before a row (never both). */
  after: string | null;
  before: string | null;
}

export type KeySort = KeyListParams["sort"];

export const DEFAULT_PARAMS: KeyListParams = {
  status: null,
  environment: null,
  creator: null,
  search: "",
  sort: "createdAt",
  order: "desc",
  after: null,
  before: null,
};

/** Sorting by name reads A→Z first; by date, newest first. */
export const DEFAULT_ORDER: Record<KeySort, "asc" | "desc"> = { createdAt: "desc", name: "asc" };

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;

/** Any well-formed name: which environments a workspace has is its own (the filter lists them). */
const environmentParam = (value: string | null): string | null =>
  value !== null && ENVIRONMENT_PATTERN.test(value) ? value : null;

export function parseKeyListParams(search: URLSearchParams): KeyListParams {
  const sort = oneOf(KEY_SORTS, search.get("sort")) ?? DEFAULT_PARAMS.sort;
  const after = search.get("after");
  return {
    status: oneOf(KEY_STATUSES, search.get("status")),
    environment: environmentParam(search.get("env")),
    creator: search.get("creator") || null,
    search: (search.get("q") ?? "").slice(0, 50),
    sort,
    order: oneOf(["asc", "desc"] as const, search.get("order")) ?? DEFAULT_ORDER[sort],
    after: after || null,
    before: after ? null : search.get("before") || null,
  };
}

/** The page URL's query for these params (without the leading "?"; empty for the defaults). */
export function keyListParamsToQuery(params: KeyListParams): string {
  const query = new URLSearchParams();
  if (params.status) query.set("status", params.status);
  if (params.environment) query.set("env", params.environment);
  if (params.creator) query.set("creator", params.creator);
  if (params.search.trim()) query.set("q", params.search.trim());
  if (params.sort !== DEFAULT_PARAMS.sort) query.set("sort", params.sort);
  if (params.order !== DEFAULT_ORDER[params.sort]) query.set("order", params.order);
  if (params.after) query.set("after", params.after);
  else if (params.before) query.set("before", params.before);
  return query.toString();
}

/** The same params as the query of GET /api/v1/keys. */
export function keyListApiQuery(params: KeyListParams, limit: number): string {
  const query = new URLSearchParams({ sort: params.sort, order: params.order, limit: String(limit) });
  if (params.status) query.set("status", params.status);
  if (params.environment) query.set("environment", params.environment);
  if (params.creator) query.set("creator", params.creator);
  if (params.search.trim()) query.set("search", params.search.trim());
  if (params.after) query.set("cursor", params.after);
  else if (params.before) query.set("before", params.before);
  return query.toString();
}

export function hasFilters(params: KeyListParams): boolean {
  return Boolean(params.status || params.environment || params.creator || params.search.trim());
}

/**
 * A change to what is shown. Changing a filter, the search or the sort starts again
 * at the first page; only a page change keeps a cursor.
 */
export function withChange(params: KeyListParams, change: Partial<KeyListParams>): KeyListParams {
  const paging = "after" in change || "before" in change;
  return { ...params, ...(paging ? {} : { after: null, before: null }), ...change };
}

/** Clicking a column header: the same column flips its order, another starts at its default. */
export function toggledSort(params: KeyListParams, sort: KeySort): Partial<KeyListParams> {
  if (params.sort === sort) return { order: params.order === "asc" ? "desc" : "asc" };
  return { sort, order: DEFAULT_ORDER[sort] };
}

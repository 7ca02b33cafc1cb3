import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";

/**
 * The audit page's filters as they appear in its URL (?action=key.created&key=key_…&from=2025-01-01),
 * and their translation into the API's query. Dates are whole local days; `to` is inclusive.
 */
export interface AuditFilters {
  action?: AuditAction;
  /** "user:<id>" or "key:<id>" */
  actor?: string;
  /** The key the events are about (the API's targetId). */
  key?: string;
  from?: string;
  to?: string;
  pageSize: PageSize;
}

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 25;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACTOR = /^(user|key):[^:\s]{1,64}$/;
const ID = /^[^\s]{1,64}$/;

const isDay = (value: string | null): value is string => !!value && DAY.test(value) && !!localDay(value, 0);

/** Unknown or malformed values are dropped, so a hand-edited URL still shows a page. */
export function readFilters(params: URLSearchParams): AuditFilters {
  const action = params.get("action");
  const actor = params.get("actor");
  const key = params.get("key");
  const from = params.get("from");
  const to = params.get("to");
  const size = Number(params.get("size"));
  return {
    action: (AUDIT_ACTIONS as readonly string[]).includes(action ?? "") ? (action as AuditAction) : undefined,
    actor: actor && ACTOR.test(actor) ? actor : undefined,
    key: key && ID.test(key) ? key : undefined,
    from: isDay(from) ? from : undefined,
    to: isDay(to) ? to : undefined,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? (size as PageSize) : DEFAULT_PAGE_SIZE,
  };
}

export function writeFilters(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.action) params.set("action", filters.action);
  if (filters.actor) params.set("actor", filters.actor);
  if (filters.key) params.set("key", filters.key);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.pageSize !== DEFAULT_PAGE_SIZE) params.set("size", String(filters.pageSize));
  return params;
}

export function hasFilters(filters: AuditFilters): boolean {
  return !!(filters.action || filters.actor || filters.key || filters.from || filters.to);
}

export function dateRangeError(filters: AuditFilters): string | null {
  return filters.from && filters.to && filters.to < filters.from ? "The end date is before the start date" : null;
}

/** The API's filter parameters (shared by the list and the CSV export); no paging. */
export function apiFilterQuery(filters: AuditFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.actor) {
    const at = filters.actor.indexOf(":");
    query.set("actorType", filters.actor.slice(0, at));
    query.set("actorId", filters.actor.slice(at + 1));
  }
  if (filters.action) query.set("action", filters.action);
  if (filters.key) query.set("targetId", filters.key);
  const from = filters.from ? localDay(filters.from, 0) : null;
  const to = filters.to ? localDay(filters.to, 1) : null;
  if (from) query.set("from", from.toISOString());
  if (to) query.set("to", to.toISOString());
  return query;
}

/** Local midnight at the start of `day` plus `offset` days, or null for an impossible date. */
function localDay(day: string, offset: number): Date | null {
  const [year, month, date] = day.split("-").map(Number);
  const result = new Date(year, month - 1, date + offset);
  const check = new Date(year, month - 1, date);
  return check.getFullYear() === year && check.getMonth() === month - 1 && check.getDate() === date ? result : null;
}

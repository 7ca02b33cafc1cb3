import type { ErrorBody, ErrorCode, FieldIssue } from "../api/errors";
import { reauthenticate } from "./reauthenticate";

/** An /api/v1 error as the dashboard sees it, with per-field messages for forms. */
export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | "NETWORK",
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }

  fieldError(field: string): string | undefined {
    return this.issues.find((issue) => issue.field === field)?.message;
  }
}

export interface ApiRequest {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  /** Workspace id or slug, sent as x-workspace-id. */
  workspace?: string;
  body?: unknown;
}

/**
 * The dashboard calls the same /api/v1 routes as API clients, with its session cookie. A
 * sensitive action refused for an old sign-in asks for the password and is sent again.
 */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  try {
    return await sendOnce<T>(path, request);
  } catch (error) {
    if (error instanceof ApiClientError && error.code === "REAUTHENTICATION_REQUIRED" && (await reauthenticate())) {
      return sendOnce<T>(path, request);
    }
    throw error;
  }
}

async function sendOnce<T>(path: string, request: ApiRequest): Promise<T> {
  const headers: Record<string, string> = {};
  if (request.workspace) headers["x-workspace-id"] = request.workspace;
  if (request.body !== undefined) headers["content-type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(path, {
      method: request.method ?? "GET",
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiClientError(0, "NETWORK", "Could not reach Keysmith. Check your connection and try again.");
  }
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (json as ErrorBody | null)?.error;
    if (res.status === 401 && (request.method ?? "GET") === "GET") signInAgain();
    const issues = (error?.details as { issues?: FieldIssue[] } | undefined)?.issues ?? [];
    throw new ApiClientError(
      res.status,
      error?.code ?? "INTERNAL",
      error?.message ?? `Request failed (${res.status})`,
      issues,
    );
  }
  return json as T;
}

/** Pages that are themselves about signing in: a 401 there is the page's own business. */
const SIGN_IN_PAGES = /^\/(?:sign-in|sign-up|invite|cli)(?:\/|$)/;

/**
 * The session ended while a page was open (it expired, or was signed out elsewhere): reading
 * anything more is pointless, so go to sign-in and come back here afterwards. Only for reads:
 * a form being submitted keeps what was typed and shows the error instead.
 */
function signInAgain(): void {
  if (typeof window === "undefined") return;
  const { pathname, search } = window.location;
  if (SIGN_IN_PAGES.test(pathname)) return;
  window.location.assign(`/sign-in?next=${encodeURIComponent(pathname + search)}`);
}

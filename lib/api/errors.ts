import { ZodError } from "zod";
import { isDataException, postgresError } from "../db/errors";

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  /** Not valid HTTP, or a path that cannot be decoded: there is no field to name. */
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  /** A signed-in session too old for a sensitive action (lib/auth/fresh-session.ts): sign in again. */
  REAUTHENTICATION_REQUIRED: 403,
  /** "Confirm it's you" was answered wrongly (`details.issues` names the password or the code). */
  REAUTHENTICATION_FAILED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  /** Existed, but is no longer usable: an expired or already used `keysmith login` request. */
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** Thrown by handlers and lib code; turned into `{"error":{…}}` with its status by toErrorResponse. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export interface FieldIssue {
  field: string;
  message: string;
}

export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    // An unknown field is reported under its own name, not its parent's.
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: [...path, key].join("."), message: "Unknown field" }));
    }
    return [{ field: path.length ? path.join(".") : "body", message: issue.message }];
  });
}

export function validationError(issues: FieldIssue[]): ApiError {
  const first = issues[0];
  return new ApiError("VALIDATION_FAILED", `${first.field}: ${first.message}`, { issues });
}

/** What the caller learns of our own failures: nothing but that they happened (the log has the rest). */
const INTERNAL_ERROR = Object.freeze({
  status: 500,
  body: Object.freeze({ error: Object.freeze({ code: "INTERNAL" as const, message: "Internal server error" }) }),
});

/** The body and status for any thrown value; unknown errors are logged and hidden. */
export function errorBody(error: unknown): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  if (error instanceof ApiError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details !== undefined) body.error.details = error.details;
    return { status: error.status, body, headers: error.headers };
  }
  const database = postgresError(error);
  if (database) {
    // Code and message only: Prisma's own text around them says nothing ("Code: N/A").
    console.error(`[keysmith] database error ${database.code}: ${database.message}`);
    if (isDataException(database)) {
      return errorBody(new ApiError("VALIDATION_FAILED", "A value in the request is not one the database can hold"));
    }
    return INTERNAL_ERROR;
  }
  // Input is parsed with safeParse into a 400 above; a ZodError reaching here is an answer
  // that does not match its own schema: our bug, not the caller's.
  if (error instanceof ZodError) {
    console.error("[keysmith] an answer did not match its schema:", JSON.stringify(zodIssues(error)));
    return INTERNAL_ERROR;
  }
  console.error("[keysmith] unhandled error:", error instanceof Error ? (error.stack ?? error.message) : error);
  return INTERNAL_ERROR;
}

export function toErrorResponse(error: unknown): Response {
  const { status, body, headers } = errorBody(error);
  return Response.json(body, { status, headers });
}

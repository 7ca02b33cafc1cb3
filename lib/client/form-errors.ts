import type { ZodError } from "zod";
import type { ApiClientError } from "./api";

export type FieldErrors = Record<string, string>;

/** The first message per field, from a client-side zod check or an API 4xx. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    errors[field] ??= issue.message;
  }
  return errors;
}

export function apiFieldErrors(error: ApiClientError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[issue.field] ??= issue.message;
  return errors;
}

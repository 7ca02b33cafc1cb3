import { type FieldIssue, validationError } from "./errors";

/**
 * The one rule for text anyone sends us: well-formed Unicode (no lone surrogate) and no NUL.
 * PostgreSQL stores neither, and a name that holds them cannot be shown or exported safely.
 */
export function isCleanText(text: string): boolean {
  return text.isWellFormed() && !text.includes("\0");
}

const MESSAGE = "Text must be valid Unicode without NUL characters";

/** The first field, at any depth (its name included), whose text breaks the rule. */
export function uncleanTextField(value: unknown, path = ""): FieldIssue | null {
  if (typeof value === "string") return isCleanText(value) ? null : { field: path || "body", message: MESSAGE };
  if (typeof value !== "object" || value === null) return null;
  for (const [name, inner] of Object.entries(value)) {
    const field = path ? `${path}.${name}` : name;
    if (!isCleanText(name)) return { field: path || "body", message: MESSAGE };
    const issue = uncleanTextField(inner, field);
    if (issue) return issue;
  }
  return null;
}

/** Throws the 400 for the first field whose text breaks the rule. */
export function assertCleanText(value: unknown, path = ""): void {
  const issue = uncleanTextField(value, path);
  if (issue) throw validationError([issue]);
}

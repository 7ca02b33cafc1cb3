"use client";

import type { Dispatch, SetStateAction } from "react";
import { Field, Textarea } from "@/components/ui/field";
import { ipAllowlistSchema } from "@/lib/api/schemas/keys";
import type { FieldErrors } from "@/lib/client/form-errors";

/** The non-blank lines of the textarea, and the line number each one came from. */
export function parseAllowlist(text: string): { values: string[]; lines: number[] } {
  const values: string[] = [];
  const lines: number[] = [];
  text.split("\n").forEach((line, index) => {
    if (!line.trim()) return;
    values.push(line.trim());
    lines.push(index + 1);
  });
  return { values, lines };
}

/**
 * The first allowlist error from a zod or API check ("ipAllowlist" or "ipAllowlist.3"),
 * told by line number rather than array index.
 */
export function allowlistError(errors: FieldErrors, text: string): string | undefined {
  const { lines } = parseAllowlist(text);
  for (const [field, message] of Object.entries(errors)) {
    if (field === "ipAllowlist") return message;
    const match = /^ipAllowlist\.(\d+)$/.exec(field);
    if (match) return `Line ${lines[Number(match[1])] ?? Number(match[1]) + 1}: ${message}`;
  }
  return undefined;
}

/** Form errors with any per-line allowlist error folded into "ipAllowlist", by line number. */
export function foldAllowlistErrors(errors: FieldErrors, text: string): FieldErrors {
  const message = allowlistError(errors, text);
  const rest = Object.fromEntries(Object.entries(errors).filter(([field]) => !field.startsWith("ipAllowlist")));
  return message ? { ...rest, ipAllowlist: message } : rest;
}

/** An onErrorChange for IpAllowlistField that sets or clears the form's ipAllowlist error. */
export const allowlistErrorSetter =
  (setErrors: Dispatch<SetStateAction<FieldErrors>>) =>
  (message: string | undefined): void =>
    setErrors(({ ipAllowlist: _, ...rest }) => (message ? { ...rest, ipAllowlist: message } : rest));

export function checkAllowlist(text: string): string | undefined {
  const result = ipAllowlistSchema.safeParse(parseAllowlist(text).values);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  return allowlistError({ [["ipAllowlist", ...issue.path].join(".")]: issue.message }, text);
}

/** One address or CIDR range per line, checked when the field is left and again as it is corrected. */
export function IpAllowlistField({
  value,
  onChange,
  error,
  onErrorChange,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  onErrorChange: (error: string | undefined) => void;
}) {
  return (
    <Field
      label="IP allowlist (optional)"
      error={error}
      hint="One IPv4/IPv6 address or CIDR range per line, e.g. 203.0.113.0/24. Empty allows every address."
    >
      {(p) => (
        <Textarea
          {...p}
          value={value}
          rows={3}
          spellCheck={false}
          placeholder={"203.0.113.0/24\n2001:db8::/32"}
          className="font-mono text-xs"
          onChange={(event) => {
            onChange(event.target.value);
            if (error) onErrorChange(checkAllowlist(event.target.value));
          }}
          onBlur={(event) => onErrorChange(checkAllowlist(event.target.value))}
        />
      )}
    </Field>
  );
}

"use client";

import { Field, Input, Textarea } from "@/components/ui/field";

/** The key's name, as the create and edit dialogs ask for it (the API allows 3–50 characters). */
export function KeyNameField({
  value,
  onChange,
  error,
  hint,
  placeholder,
  autoFocus,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  placeholder?: string;
  autoFocus?: boolean;
}) {
  return (
    <Field label="Name" error={error} hint={hint}>
      {(p) => (
        <Input
          {...p}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoFocus={autoFocus}
          autoComplete="off"
          maxLength={50}
          placeholder={placeholder}
        />
      )}
    </Field>
  );
}

/** The key's optional free-text description (up to 500 characters). */
export function KeyDescriptionField({
  value,
  onChange,
  error,
  placeholder,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  placeholder?: string;
}) {
  return (
    <Field label="Description (optional)" error={error}>
      {(p) => (
        <Textarea
          {...p}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          rows={2}
          className="min-h-0"
          maxLength={500}
          placeholder={placeholder}
        />
      )}
    </Field>
  );
}

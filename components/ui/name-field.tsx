"use client";

import { Field, Input } from "./field";

/** The "Name" text field of a settings card: typing clears its error. */
export function NameField({
  value,
  onChange,
  error,
  autoComplete,
  maxLength = 80,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  autoComplete: string;
  maxLength?: number;
}) {
  return (
    <Field label="Name" error={error}>
      {(p) => (
        <Input
          {...p}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          maxLength={maxLength}
          autoComplete={autoComplete}
        />
      )}
    </Field>
  );
}

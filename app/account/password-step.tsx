"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";

/** Asks for the account's password before a two-factor change; `onSubmit` answers an error message or null. */
export function PasswordStep({
  action,
  pendingLabel,
  variant = "primary",
  onSubmit,
  onCancel,
}: {
  action: string;
  pendingLabel: string;
  variant?: "primary" | "danger";
  onSubmit: (password: string) => Promise<string | null>;
  /** Backs out of the change, leaving everything as it was. */
  onCancel: () => void;
}) {
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setError(null);
    setFieldError(password ? undefined : "Enter your password");
    if (!password) return;
    setPending(true);
    const failure = await onSubmit(password);
    setPending(false);
    setError(failure);
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <FormError message={error} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-60 flex-1">
          <Field label="Your password" error={fieldError}>
            {(p) => <Input {...p} name="password" type="password" autoComplete="current-password" autoFocus />}
          </Field>
        </div>
        <Button type="button" variant="secondary" disabled={pending} onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant={variant} disabled={pending}>
          {pending ? pendingLabel : action}
        </Button>
      </div>
    </form>
  );
}

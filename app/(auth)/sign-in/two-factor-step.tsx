"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { authClient } from "@/lib/auth/client";

/**
 * The second step of signing in for an account with TOTP: a code from the authenticator app,
 * or one of the backup codes (each works once). better-auth holds the half-done sign-in in a cookie.
 */
export function TwoFactorStep({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const [backup, setBackup] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").replace(/\s/g, "");
    setError(null);
    const problem = backup
      ? code
        ? undefined
        : "Enter a backup code"
      : /^\d{6}$/.test(code)
        ? undefined
        : "Enter the 6-digit code";
    setFieldError(problem);
    if (problem) return;
    setPending(true);
    const { error } = backup
      ? await authClient.twoFactor.verifyBackupCode({ code })
      : await authClient.twoFactor.verifyTotp({ code });
    if (error) {
      setPending(false);
      return setError(error.message ?? "That code did not work");
    }
    await onSignedIn();
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <div>
        <h1 className="text-lg font-semibold">Two-factor authentication</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          {backup
            ? "Enter one of the backup codes you saved when you turned two-factor on. Each works once."
            : "Enter the 6-digit code from your authenticator app."}
        </p>
      </div>
      <FormError message={error} />
      <Field key={backup ? "backup" : "totp"} label={backup ? "Backup code" : "Code"} error={fieldError}>
        {(p) =>
          backup ? (
            <Input {...p} name="code" autoComplete="off" spellCheck={false} autoFocus />
          ) : (
            <Input {...p} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} autoFocus />
          )
        }
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Checking…" : "Verify"}
      </Button>
      <button
        type="button"
        className="w-full text-center text-sm font-medium text-primary underline-offset-4 hover:underline"
        onClick={() => {
          setBackup(!backup);
          setFieldError(undefined);
          setError(null);
        }}
      >
        {backup ? "Use your authenticator app" : "Use a backup code"}
      </button>
    </form>
  );
}

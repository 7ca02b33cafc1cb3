"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { authClient } from "@/lib/auth/client";
import { type FieldErrors, zodFieldErrors } from "@/lib/client/form-errors";
import { ResetLinkInvalid } from "./reset-link-invalid";

const newPasswordSchema = z
  .object({
    password: z.string().min(8, "Use at least 8 characters").max(128, "Use at most 128 characters"),
    confirm: z.string().min(1, "Type the new password again"),
  })
  .refine((form) => form.password === form.confirm, { path: ["confirm"], message: "The two passwords differ" });

const linkClass = "font-medium text-primary underline-offset-4 hover:underline";

/** Sets the new password; better-auth then ends every session of the account. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [state, setState] = useState<"form" | "done" | "invalid">("form");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = newPasswordSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    setErrors(parsed.success ? {} : zodFieldErrors(parsed.error));
    setError(null);
    if (!parsed.success) return;
    setPending(true);
    const { error } = await authClient.resetPassword({ newPassword: parsed.data.password, token });
    setPending(false);
    if (!error) return setState("done");
    // Used in another tab, or expired while the page was open.
    if (error.code === "INVALID_TOKEN") return setState("invalid");
    setError(error.message ?? "Could not change the password: try again");
  }

  if (state === "invalid") return <ResetLinkInvalid />;
  if (state === "done") {
    return (
      <div className="space-y-4">
        <h1 className="text-lg font-semibold">Password changed</h1>
        <p role="status" className="text-sm text-muted-foreground">
          Your new password is set, and every other session of your account has been signed out.
        </p>
        <p className="text-center text-sm">
          <Link href="/sign-in" className={linkClass}>
            Sign in with your new password
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <h1 className="text-lg font-semibold">Choose a new password</h1>
        <p className="mt-1 text-sm text-muted-foreground">Setting it signs your account out everywhere else.</p>
      </div>
      <FormError message={error} />
      <Field label="New password" error={errors.password} hint="At least 8 characters.">
        {(p) => <Input {...p} name="password" type="password" autoComplete="new-password" required autoFocus />}
      </Field>
      <Field label="Confirm new password" error={errors.confirm}>
        {(p) => <Input {...p} name="confirm" type="password" autoComplete="new-password" required />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        <Link href="/sign-in" className={linkClass}>
          Back to sign in
        </Link>
      </p>
    </form>
  );
}

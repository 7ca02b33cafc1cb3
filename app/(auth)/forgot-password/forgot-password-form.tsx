"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { authClient } from "@/lib/auth/client";
import { type FieldErrors, zodFieldErrors } from "@/lib/client/form-errors";

const requestSchema = z.object({
  email: z.string().trim().min(1, "Enter your email").pipe(z.email("Enter a valid email address")),
});

const linkClass = "font-medium text-primary underline-offset-4 hover:underline";

/**
 * Asks for a reset link. The answer is the same whether or not the address has an account
 * (and whether or not this instance sends mail), so the page cannot be used to find accounts.
 */
export function ForgotPasswordForm() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = requestSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    setErrors(parsed.success ? {} : zodFieldErrors(parsed.error));
    setError(null);
    if (!parsed.success) return;
    setPending(true);
    const { error } = await authClient.requestPasswordReset({
      email: parsed.data.email,
      redirectTo: "/reset-password",
    });
    setPending(false);
    if (error) return setError(error.message ?? "Could not send the link: try again");
    setSentTo(parsed.data.email);
  }

  if (sentTo) {
    return (
      <div className="space-y-4">
        <h1 className="text-lg font-semibold">Check your email</h1>
        <p role="status" className="text-sm text-muted-foreground">
          If an account uses {sentTo}, a link to choose a new password is on its way. It works once, within an hour.
        </p>
        <p className="text-sm text-muted-foreground">
          No mail after a few minutes? Look in your spam folder, or ask your Keysmith administrator.
        </p>
        <p className="text-center text-sm">
          <Link href="/sign-in" className={linkClass}>
            Back to sign in
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <h1 className="text-lg font-semibold">Forgot your password?</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          Enter the email you sign in with and we'll send you a link to choose a new password.
        </p>
      </div>
      <FormError message={error} />
      <Field label="Email" error={errors.email}>
        {(p) => <Input {...p} name="email" type="email" autoComplete="email" required autoFocus />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send reset link"}
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        Remembered it?{" "}
        <Link href="/sign-in" className={linkClass}>
          Sign in
        </Link>
      </p>
    </form>
  );
}

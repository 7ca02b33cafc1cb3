"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { authClient } from "@/lib/auth/client";
import { type FieldErrors, zodFieldErrors } from "@/lib/client/form-errors";
import { issueFirstPersonalKey } from "@/lib/client/personal-key-at-sign-in";
import { PasskeySignIn } from "./passkey-sign-in";
import { TwoFactorStep } from "./two-factor-step";

const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email").pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password"),
});

/** An account from before personal keys were issued at sign-up gets its own here, revealed on the next page. */
export function SignInForm({ next, personalKeyAtSignUp }: { next: string | null; personalKeyAtSignUp: boolean }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [secondStep, setSecondStep] = useState(false);

  async function signedIn() {
    if (personalKeyAtSignUp) await issueFirstPersonalKey("/sign-in");
    router.replace(next ?? "/");
    router.refresh();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = signInSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    setErrors(parsed.success ? {} : zodFieldErrors(parsed.error));
    setError(null);
    if (!parsed.success) return;
    setPending(true);
    const { data, error } = await authClient.signIn.email(parsed.data);
    if (error) {
      setPending(false);
      // better-auth says "Invalid email or password" without telling which: keep it that way.
      return setError(error.message ?? "Could not sign in");
    }
    // The password was right, but the account has TOTP: no session until the code step passes.
    if (data && "twoFactorRedirect" in data && data.twoFactorRedirect) return setSecondStep(true);
    await signedIn();
  }

  if (secondStep) return <TwoFactorStep onSignedIn={signedIn} />;

  const invite = next?.startsWith("/invite/") ? next.slice("/invite/".length) : null;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <h1 className="text-lg font-semibold">Sign in</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          {invite ? "Sign in to accept your invitation." : "Welcome back. Sign in to manage your API keys."}
        </p>
      </div>
      <FormError message={error} />
      <Field label="Email" error={errors.email}>
        {(p) => <Input {...p} name="email" type="email" autoComplete="email" required autoFocus />}
      </Field>
      <Field label="Password" error={errors.password}>
        {(p) => <Input {...p} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <p className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className="font-medium text-primary underline-offset-4 hover:underline">
          Forgot password?
        </Link>
      </p>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <PasskeySignIn onSignedIn={signedIn} />
      <p className="text-center text-sm text-muted-foreground">
        No account?{" "}
        <Link
          href={invite ? `/sign-up?invite=${invite}` : "/sign-up"}
          className="font-medium text-primary underline-offset-4 hover:underline"
        >
          Create one
        </Link>
      </p>
    </form>
  );
}

"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { readWorkspaceForm, WorkspaceFields } from "@/components/workspace/workspace-fields";
import { userNameSchema } from "@/lib/api/schemas/users";
import { createWorkspaceSchema } from "@/lib/api/schemas/workspaces";
import { authClient } from "@/lib/auth/client";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from "@/lib/client/form-errors";
import { issueFirstPersonalKey } from "@/lib/client/personal-key-at-sign-in";
import type { OpenInvitation } from "@/lib/members/service";

const accountSchema = z.object({
  userName: userNameSchema,
  email: z.string().trim().min(1, "Enter your email").pipe(z.email("Enter a valid email address")),
  password: z.string().min(8, "Use at least 8 characters").max(128),
});

/**
 * Creates the account, then its first workspace (a workspace error keeps the account), or,
 * when opened from an invite link, joins the inviting workspace instead; then, unless the
 * instance turned it off, the user's personal key, revealed once on the page that opens next.
 */
export function SignUpForm({
  invitation,
  personalKeyAtSignUp,
}: {
  invitation: OpenInvitation | null;
  personalKeyAtSignUp: boolean;
}) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [accountCreated, setAccountCreated] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // Once the account exists its fields are disabled (and so absent from the form).
    const account = accountCreated ? null : accountSchema.safeParse(Object.fromEntries(form));
    const workspace = invitation ? null : createWorkspaceSchema.safeParse(readWorkspaceForm(form));
    setErrors({
      ...(account && !account.success ? zodFieldErrors(account.error) : {}),
      ...(workspace && !workspace.success ? zodFieldErrors(workspace.error) : {}),
    });
    setFormError(null);
    if ((account && !account.success) || (workspace && !workspace.success)) return;

    setPending(true);
    try {
      if (account) {
        const { error } = await authClient.signUp.email({
          name: account.data.userName,
          email: account.data.email,
          password: account.data.password,
        });
        if (error) {
          setFormError(error.message ?? "Could not create the account");
          return;
        }
        setAccountCreated(true);
      }
      const slug = invitation
        ? (
            await apiFetch<{ workspace: { slug: string } }>(`/api/v1/invitations/${invitation.id}/accept`, {
              method: "POST",
            })
          ).workspace.slug
        : (await apiFetch<{ slug: string }>("/api/v1/workspaces", { method: "POST", body: workspace?.data })).slug;
      // After the workspace: a personal key acts in the user's workspaces.
      if (personalKeyAtSignUp) await issueFirstPersonalKey("/sign-up");
      router.replace(`/${slug}/keys`);
      router.refresh();
    } catch (error) {
      if (error instanceof ApiClientError) {
        setErrors(apiFieldErrors(error));
        setFormError(error.message);
      } else throw error;
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <h1 className="text-lg font-semibold">
        {invitation ? `Join ${invitation.workspaceName}` : "Create your account"}
      </h1>
      <p className="-mt-2 text-sm text-muted-foreground">
        {invitation
          ? `You were invited as ${invitation.role}. Create your account with ${invitation.email} to join.`
          : "An account, and a first workspace for your keys. You can invite your team next."}
      </p>
      <FormError message={formError} />
      <fieldset disabled={accountCreated} className="space-y-4">
        <Field label="Your name" error={errors.userName}>
          {(p) => <Input {...p} name="userName" autoComplete="name" required />}
        </Field>
        <Field label="Email" error={errors.email}>
          {(p) => (
            <Input
              {...p}
              name="email"
              type="email"
              autoComplete="email"
              defaultValue={invitation?.email}
              readOnly={!!invitation}
              required
            />
          )}
        </Field>
        <Field label="Password" error={errors.password} hint="At least 8 characters">
          {(p) => <Input {...p} name="password" type="password" autoComplete="new-password" required />}
        </Field>
      </fieldset>
      {invitation ? null : (
        <section aria-labelledby="first-workspace" className="space-y-4 border-t border-border pt-4">
          <h2 id="first-workspace" className="text-sm font-semibold">
            Your first workspace
          </h2>
          <WorkspaceFields errors={errors} />
        </section>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending
          ? "Creating…"
          : invitation
            ? "Create account and join"
            : accountCreated
              ? "Create workspace"
              : "Create account"}
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        Already have an account?{" "}
        <Link
          href={invitation ? `/sign-in?next=/invite/${invitation.id}` : "/sign-in"}
          className="font-medium text-primary underline-offset-4 hover:underline"
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}

"use client";

import { Fingerprint } from "lucide-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormFooter } from "@/components/ui/dialog";
import { Field, FormError, Input } from "@/components/ui/field";
import { authClient } from "@/lib/auth/client";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { apiFieldErrors, type FieldErrors } from "@/lib/client/form-errors";
import { registerReauthenticator } from "@/lib/client/reauthenticate";

interface Question {
  userId: string;
  email: string;
  /** An authenticator app is on: its code (or a backup code) is asked beside the password. */
  twoFactor: boolean;
  hasPasskey: boolean;
  /** The session a passkey sign-in replaces: ended once the new one exists. */
  oldToken: string;
  answer: (confirmed: boolean) => void;
}

/**
 * "Confirm it's you": mounted once (components/providers.tsx), opened by apiFetch when a
 * sensitive action needs a recent sign-in, which then runs again by itself. The password (and
 * the authenticator code when two-factor is on) confirms this session in place; a passkey
 * signs in anew, as on the sign-in page.
 */
export function ReauthDialog() {
  const [question, setQuestion] = useState<Question | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [useBackupCode, setUseBackupCode] = useState(false);
  const answered = useRef(false);

  useEffect(
    () =>
      registerReauthenticator(async () => {
        const { data } = await authClient.getSession({ query: { disableCookieCache: true } });
        if (!data) return false;
        const passkeys = await authClient.passkey.listUserPasskeys().catch(() => null);
        return new Promise<boolean>((answer) => {
          answered.current = false;
          setErrors({});
          setUseBackupCode(false);
          setQuestion({
            userId: data.user.id,
            email: data.user.email,
            twoFactor: data.user.twoFactorEnabled === true,
            hasPasskey: (passkeys?.data?.length ?? 0) > 0,
            oldToken: data.session.token,
            answer,
          });
        });
      }),
    [],
  );

  function close(confirmed: boolean) {
    if (!question || answered.current) return;
    answered.current = true;
    question.answer(confirmed);
    setQuestion(null);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!question) return;
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    const code = String(form.get("code") ?? "").trim();
    if (!password) return setErrors({ password: "Enter your password" });
    if (question.twoFactor && !code) {
      return setErrors({ code: useBackupCode ? "Enter a backup code" : "Enter the code from your authenticator app" });
    }
    setPending(true);
    setErrors({});
    try {
      await apiFetch("/api/v1/me/reauthenticate", {
        method: "POST",
        body: { password, ...(question.twoFactor ? { [useBackupCode ? "backupCode" : "code"]: code } : {}) },
      });
      setPending(false);
      close(true);
    } catch (error) {
      setPending(false);
      if (!(error instanceof ApiClientError)) return setErrors({ form: "Could not confirm it's you" });
      const fields = apiFieldErrors(error);
      const { backupCode, ...rest } = fields;
      setErrors(
        Object.keys(fields).length ? { ...rest, ...(backupCode ? { code: backupCode } : {}) } : { form: error.message },
      );
    }
  }

  async function withPasskey() {
    if (!question) return;
    setPending(true);
    setErrors({});
    const result = await authClient.signIn.passkey();
    if (result?.error) {
      setPending(false);
      return setErrors({ form: result.error.message ?? "Could not confirm it's you with a passkey" });
    }
    const { data } = await authClient.getSession({ query: { disableCookieCache: true } });
    if (data?.user.id !== question.userId) {
      // Another account's passkey signed in: this page is no longer the user's to act on.
      await authClient.signOut().catch(() => undefined);
      window.location.assign("/sign-in");
      return;
    }
    await authClient.revokeSession({ token: question.oldToken }).catch(() => undefined);
    setPending(false);
    close(true);
  }

  return (
    <Dialog open={question !== null} onOpenChange={(open) => !open && !pending && close(false)}>
      {question ? (
        <DialogContent
          title="Confirm it's you"
          description="This action needs a recent sign-in. Confirm it's you to continue; it runs as soon as you do."
        >
          <form onSubmit={onSubmit} className="space-y-4" noValidate>
            <p className="text-sm">
              Signed in as <span className="font-medium">{question.email}</span>
            </p>
            <FormError message={errors.form ?? null} />
            <Field label="Password" error={errors.password}>
              {(p) => (
                <Input {...p} name="password" type="password" autoComplete="current-password" required autoFocus />
              )}
            </Field>
            {question.twoFactor ? (
              <div className="space-y-1.5">
                <Field label={useBackupCode ? "Backup code" : "Code from your authenticator app"} error={errors.code}>
                  {(p) => (
                    <Input
                      {...p}
                      key={useBackupCode ? "backup" : "totp"}
                      name="code"
                      autoComplete="one-time-code"
                      inputMode={useBackupCode ? "text" : "numeric"}
                      spellCheck={false}
                      required
                    />
                  )}
                </Field>
                <button
                  type="button"
                  className="text-xs text-muted-foreground underline underline-offset-2 hover:text-foreground"
                  onClick={() => {
                    setUseBackupCode(!useBackupCode);
                    setErrors({});
                  }}
                >
                  {useBackupCode ? "Use the authenticator app" : "Use a backup code"}
                </button>
              </div>
            ) : null}
            {question.hasPasskey ? (
              <Button type="button" variant="secondary" className="w-full" disabled={pending} onClick={withPasskey}>
                <Fingerprint aria-hidden className="h-4 w-4" /> Use a passkey instead
              </Button>
            ) : null}
            <DialogFormFooter submitLabel="Confirm" pendingLabel="Confirming…" pending={pending} holdWhilePending />
          </form>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

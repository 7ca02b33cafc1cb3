"use client";

import { type FormEvent, useEffect, useRef, useState } from "react";
import { Dialog, DialogContent, DialogFormFooter } from "@/components/ui/dialog";
import { Field, FormError, Input } from "@/components/ui/field";
import { authClient } from "@/lib/auth/client";
import { registerReauthenticator } from "@/lib/client/reauthenticate";

interface Question {
  email: string;
  /** The session being replaced: ended once the new one exists, so it does not linger in the list. */
  oldToken: string;
  answer: (confirmed: boolean) => void;
}

/**
 * "Confirm it's you": mounted once (components/providers.tsx), opened by apiFetch when a
 * sensitive action needs a recent sign-in. Signing in again makes a new session (better-auth
 * sets its cookie), then the action that asked is sent again.
 */
export function ReauthDialog() {
  const [question, setQuestion] = useState<Question | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const answered = useRef(false);

  useEffect(
    () =>
      registerReauthenticator(async () => {
        const { data } = await authClient.getSession({ query: { disableCookieCache: true } });
        if (!data) return false;
        return new Promise<boolean>((answer) => {
          answered.current = false;
          setError(null);
          setQuestion({ email: data.user.email, oldToken: data.session.token, answer });
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
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    if (!password) return setError("Enter your password");
    setPending(true);
    setError(null);
    const { error: failed } = await authClient.signIn.email({ email: question.email, password });
    if (failed) {
      setPending(false);
      return setError(failed.message ?? "Could not confirm it's you");
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
          description="This action needs a recent sign-in. Enter your password to continue; it runs as soon as you confirm."
        >
          <form onSubmit={onSubmit} className="space-y-4" noValidate>
            <p className="text-sm">
              Signed in as <span className="font-medium">{question.email}</span>
            </p>
            <FormError message={error} />
            <Field label="Password">
              {(p) => (
                <Input {...p} name="password" type="password" autoComplete="current-password" required autoFocus />
              )}
            </Field>
            <DialogFormFooter submitLabel="Confirm" pendingLabel="Confirming…" pending={pending} holdWhilePending />
          </form>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

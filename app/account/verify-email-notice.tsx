"use client";

import { MailWarning } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { VERIFIED_CALLBACK } from "@/lib/auth/auth-paths";
import { authClient } from "@/lib/auth/client";

/**
 * Shown on the account page while the user's address is unverified (only when this instance
 * sends mail: otherwise there is no way to verify it). Signing in does not depend on it.
 */
export function VerifyEmailNotice({ email }: { email: string }) {
  const [state, setState] = useState<"idle" | "sending" | "sent" | "failed">("idle");

  async function resend() {
    setState("sending");
    const { error } = await authClient.sendVerificationEmail({ email, callbackURL: VERIFIED_CALLBACK });
    setState(error ? "failed" : "sent");
  }

  return (
    <section
      aria-labelledby="verify-email-title"
      className="flex flex-col gap-3 rounded-xl border border-amber-600/30 bg-amber-50 p-4 text-amber-900 sm:flex-row sm:items-center dark:bg-amber-950/50 dark:text-amber-200"
    >
      <MailWarning aria-hidden className="h-5 w-5 shrink-0" />
      <div className="flex-1 text-sm">
        <h2 id="verify-email-title" className="font-medium">
          Verify your email address
        </h2>
        <p className="mt-0.5" role="status">
          {state === "sent"
            ? `A new link is on its way to ${email}.`
            : state === "failed"
              ? "Could not send the link: try again in a few minutes."
              : `We sent a link to ${email} when you signed up. Follow it to confirm the address is yours.`}
        </p>
      </div>
      <Button variant="secondary" onClick={resend} disabled={state === "sending"}>
        {state === "sending" ? "Sending…" : "Resend the link"}
      </Button>
    </section>
  );
}

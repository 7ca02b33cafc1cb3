"use client";

import { Fingerprint } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { authClient } from "@/lib/auth/client";

/** "Sign in with a passkey": the browser offers the passkeys it holds for this site; no email or password needed. */
export function PasskeySignIn({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function signIn() {
    setError(null);
    setPending(true);
    const result = await authClient.signIn.passkey();
    if (result?.error) {
      setPending(false);
      return setError(result.error.message ?? "Could not sign in with a passkey");
    }
    await onSignedIn();
  }

  return (
    <div className="space-y-2">
      <div className="flex items-center gap-3 text-xs text-muted-foreground">
        <span className="h-px flex-1 bg-border" /> or <span className="h-px flex-1 bg-border" />
      </div>
      <FormError message={error} />
      <Button variant="secondary" className="w-full" disabled={pending} onClick={signIn}>
        <Fingerprint aria-hidden className="h-4 w-4" />{" "}
        {pending ? "Waiting for your passkey…" : "Sign in with a passkey"}
      </Button>
    </div>
  );
}

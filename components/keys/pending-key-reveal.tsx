"use client";

import { usePathname } from "next/navigation";
import { useSyncExternalStore } from "react";
import { clearPendingReveal, onPendingReveal, pendingReveal } from "@/lib/client/personal-key-at-sign-in";
import { RevealKeyDialog } from "./reveal-key-dialog";

/**
 * Reveals the personal key issued at sign-up (or sign-in) once, on the first page that opens
 * afterwards, in the same dialog as every other new key. Mounted once, in the root providers.
 */
export function PendingKeyReveal() {
  const pending = useSyncExternalStore(onPendingReveal, pendingReveal, () => null);
  const pathname = usePathname();
  const created = pending && pathname !== pending.issuedOn ? pending : null;
  return (
    <RevealKeyDialog
      created={created}
      onDone={clearPendingReveal}
      description={
        <>
          Your personal API key, issued with your account: it works in every workspace you belong to, with your role
          there. This is the only time the secret is shown; store it in a secrets manager now. You can revoke or rotate
          it on your account page.
        </>
      }
    />
  );
}

"use client";

import type { FormEvent } from "react";
import { Dialog, DialogContent, DialogFormFooter } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";

/** Revoking the personal key stops it at once; a new one can be created afterwards. */
export function RevokePersonalKeyDialog({
  open,
  maskedKey,
  pending,
  error,
  onRevoke,
  onOpenChange,
  onCloseAutoFocus,
}: {
  open: boolean;
  maskedKey: string;
  pending: boolean;
  error?: string | null;
  onRevoke: () => void;
  onOpenChange: (open: boolean) => void;
  /** Where focus goes on closing: the dialog has no trigger element to return it to. */
  onCloseAutoFocus: (event: Event) => void;
}) {
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onRevoke();
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent
        title="Revoke your personal key?"
        onCloseAutoFocus={onCloseAutoFocus}
        description="Every request using it is refused from now on, in every workspace. You can create a new personal key afterwards."
      >
        <form onSubmit={onSubmit} className="space-y-4">
          <p className="text-sm">
            Revoking <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{maskedKey}</code>
          </p>
          <FormError message={error} />
          <DialogFormFooter
            submitLabel="Revoke key"
            pendingLabel="Revoking…"
            pending={pending}
            variant="danger"
            holdWhilePending
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}

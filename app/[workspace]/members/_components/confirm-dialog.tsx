"use client";

import type { ReactNode } from "react";
import { Dialog, DialogContent, DialogFormFooter } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  tone?: "danger" | "primary";
  pending: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}

/** A yes/no question about a member change; the API's refusal is shown inside, not lost in a toast. */
export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  pendingLabel,
  tone = "danger",
  pending,
  error,
  onConfirm,
  onCancel,
  children,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} onOpenChange={(next) => !next && !pending && onCancel()}>
      <DialogContent title={title} description={description}>
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            onConfirm();
          }}
        >
          {children}
          <FormError message={error} />
          <DialogFormFooter
            submitLabel={confirmLabel}
            pendingLabel={pendingLabel}
            pending={pending}
            variant={tone}
            holdWhilePending
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}

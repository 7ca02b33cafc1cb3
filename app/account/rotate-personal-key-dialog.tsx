"use client";

import { type FormEvent, useState } from "react";
import { Dialog, DialogContent, DialogFormFooter } from "@/components/ui/dialog";
import { Field, FormError, Select } from "@/components/ui/field";

const GRACE_PERIODS = [
  { value: "0", label: "No grace: the old key stops now" },
  { value: "1h", label: "1 hour" },
  { value: "24h", label: "24 hours" },
  { value: "7d", label: "7 days" },
] as const;

/** Rotation replaces the secret; the grace period keeps the old one alive while you roll the new one out. */
export function RotatePersonalKeyDialog({
  open,
  maskedKey,
  pending,
  error,
  onRotate,
  onOpenChange,
}: {
  open: boolean;
  maskedKey: string;
  pending: boolean;
  error?: string | null;
  onRotate: (gracePeriod: string) => void;
  onOpenChange: (open: boolean) => void;
}) {
  const [grace, setGrace] = useState("24h");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onRotate(grace);
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent
        title="Rotate your personal key?"
        description="You get a new secret, shown once. Scripts using the old key need the new one before the old key stops."
      >
        <form onSubmit={onSubmit} className="space-y-4">
          <p className="text-sm">
            Replacing <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{maskedKey}</code>
          </p>
          <Field label="Old key keeps working for">
            {(p) => (
              <Select {...p} value={grace} onChange={(event) => setGrace(event.target.value)}>
                {GRACE_PERIODS.map((period) => (
                  <option key={period.value} value={period.value}>
                    {period.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <FormError message={error} />
          <DialogFormFooter submitLabel="Rotate key" pendingLabel="Rotating…" pending={pending} holdWhilePending />
        </form>
      </DialogContent>
    </Dialog>
  );
}

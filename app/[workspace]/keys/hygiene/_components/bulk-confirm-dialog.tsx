"use client";

import { Dialog, DialogContent, DialogFormFooter } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import type { BulkAction } from "./use-hygiene";

const SHOWN = 8;

const keys = (count: number) => `${count} key${count === 1 ? "" : "s"}`;

/** One confirmation for the whole selection, naming the keys it covers. */
export function BulkConfirmDialog({
  action,
  names,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  action: BulkAction | null;
  names: string[];
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const revoke = action === "revoke";
  const count = keys(names.length);
  return (
    <Dialog open={action !== null} onOpenChange={(open) => !open && !pending && onCancel()}>
      <DialogContent
        title={revoke ? `Revoke ${count}?` : `Disable ${count}?`}
        description={
          revoke
            ? "Requests made with them are refused at once, on every instance. Revoking cannot be undone."
            : "Requests made with them are refused until each is enabled again from its page."
        }
      >
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            onConfirm();
          }}
        >
          <ul className="max-h-48 space-y-1 overflow-y-auto rounded-md border border-border bg-muted/40 px-3 py-2 text-sm">
            {names.slice(0, SHOWN).map((name, index) => (
              // Names are not unique: the position keeps the keys apart.
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered while shown
              <li key={`${index}-${name}`} className="truncate font-medium">
                {name}
              </li>
            ))}
            {names.length > SHOWN ? (
              <li className="text-muted-foreground">and {keys(names.length - SHOWN)} more</li>
            ) : null}
          </ul>
          <p className="text-sm text-muted-foreground">Each key gets its own entry in the audit log.</p>
          <FormError message={error} />
          <DialogFormFooter
            submitLabel={revoke ? `Revoke ${count}` : `Disable ${count}`}
            pendingLabel={revoke ? "Revoking…" : "Disabling…"}
            pending={pending}
            variant={revoke ? "danger" : "primary"}
            holdWhilePending
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}

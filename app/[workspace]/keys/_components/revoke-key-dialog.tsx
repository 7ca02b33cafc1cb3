"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import type { KeyView } from "@/lib/api/schemas/keys";
import { useRevokeKey } from "./use-keys";

/** Revocation is permanent: live keys need their name typed to confirm. Mount with key={id} to reset. */
export function RevokeKeyDialog({
  workspace,
  keyToRevoke,
  onDone,
}: {
  workspace: string;
  keyToRevoke: KeyView | null;
  onDone: () => void;
}) {
  const revoke = useRevokeKey(workspace);
  const [typed, setTyped] = useState("");

  const needsTyping = keyToRevoke?.environment === "live";
  const confirmed = !needsTyping || typed === keyToRevoke?.name;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!keyToRevoke || !confirmed) return;
    revoke.mutate(keyToRevoke, { onSuccess: onDone });
  }

  return (
    <Dialog open={keyToRevoke !== null} onOpenChange={(open) => !open && onDone()}>
      <DialogContent
        title={`Revoke ${keyToRevoke?.name ?? "key"}?`}
        description="Every request using this key will be refused immediately. This cannot be undone."
      >
        <form onSubmit={onSubmit} className="space-y-4">
          {keyToRevoke ? (
            <p className="text-sm">
              <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{keyToRevoke.maskedKey}</code>
            </p>
          ) : null}
          {needsTyping ? (
            <Field label={`Type ${keyToRevoke?.name} to confirm`}>
              {(p) => (
                <Input {...p} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" autoFocus />
              )}
            </Field>
          ) : null}
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="danger" disabled={!confirmed || revoke.isPending}>
              {revoke.isPending ? "Revoking…" : "Revoke key"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

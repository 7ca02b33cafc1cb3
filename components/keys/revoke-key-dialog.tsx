"use client";

import { TriangleAlert } from "lucide-react";
import { type FormEvent, useState } from "react";
import {
  RemoteKeyChangeAnnouncer,
  RemoteKeyChangeNotice,
  remoteChangeBlocks,
  useRemoteKeyChange,
} from "@/components/live/remote-key-change";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import type { KeyView } from "@/lib/api/schemas/keys";
import { KeySummary } from "./key-summary";
import { useRevokeKey } from "./use-key-mutations";

/**
 * Revocation is permanent: any key but a test key needs its name typed to confirm. The table shows
 * the key revoked at once; a refusal puts it back and says why (see useRevokeKey).
 */
export function RevokeKeyDialog({
  workspace,
  keyToRevoke,
  onDone,
  onCloseAutoFocus,
}: {
  workspace: string;
  keyToRevoke: KeyView;
  /** Closed: `revoked` says whether the user confirmed, so focus can land where it makes sense. */
  onDone: (revoked: boolean) => void;
  /** Where focus goes when the dialog closes (the menu item that opened it is gone by then). */
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const revoke = useRevokeKey(workspace);
  const remoteChange = useRemoteKeyChange(keyToRevoke.id);
  const blocked = remoteChangeBlocks(remoteChange, "revoke");
  const [typed, setTyped] = useState("");
  // Only test keys are known to be throwaway: a workspace's own names (prod, staging…) may serve real traffic.
  const needsTyping = keyToRevoke.environment !== "test";
  const confirmed = !needsTyping || typed.trim() === keyToRevoke.name;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!confirmed || blocked) return;
    revoke.mutate(keyToRevoke);
    onDone(true);
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onDone(false)}>
      <DialogContent
        onCloseAutoFocus={onCloseAutoFocus}
        title={`Revoke ${keyToRevoke.name}?`}
        description="Every request using this key will be refused immediately. This cannot be undone."
      >
        <form onSubmit={onSubmit} className="space-y-4">
          <RemoteKeyChangeNotice change={remoteChange} action="revoke" />
          <KeySummary keyView={keyToRevoke} />
          {needsTyping ? (
            <>
              <p className="flex gap-2 rounded-lg border border-danger/30 bg-danger/5 px-3 py-2 text-sm">
                <TriangleAlert aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-danger" />
                {keyToRevoke.environment === "live"
                  ? "This is a live key: production services that still use it will start failing."
                  : `This is a ${keyToRevoke.environment} key: services that still use it will start failing.`}
              </p>
              <Field label={`Type ${keyToRevoke.name} to confirm`}>
                {(p) => (
                  <Input
                    {...p}
                    value={typed}
                    onChange={(event) => setTyped(event.target.value)}
                    autoComplete="off"
                    spellCheck={false}
                    autoFocus
                  />
                )}
              </Field>
            </>
          ) : null}
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">{blocked ? "Close" : "Cancel"}</Button>
            </DialogClose>
            <Button type="submit" variant="danger" disabled={!confirmed || blocked}>
              Revoke key
            </Button>
          </div>
        </form>
        <RemoteKeyChangeAnnouncer change={remoteChange} action="revoke" />
      </DialogContent>
    </Dialog>
  );
}

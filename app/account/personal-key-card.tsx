"use client";

import { Ban, KeyRound, RefreshCw } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { type RevealableKey, RevealKeyDialog } from "@/components/keys/reveal-key-dialog";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { RevokePersonalKeyDialog } from "./revoke-personal-key-dialog";
import { RotatePersonalKeyDialog } from "./rotate-personal-key-dialog";
import { useIssuePersonalKey, usePersonalKey, useRevokePersonalKey } from "./use-personal-key";

/**
 * The user's one personal key (issued at sign-up): rotate it with a grace period, or revoke it
 * and create a new one; a secret is revealed once.
 */
export function PersonalKeyCard({ hasWorkspace }: { hasWorkspace: boolean }) {
  const current = usePersonalKey(hasWorkspace);
  const issue = useIssuePersonalKey();
  const revoke = useRevokePersonalKey();
  const [rotating, setRotating] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  // Once revoked, the Revoke button goes: focus lands on "Create personal key" when it appears.
  const focusCreate = useRef(false);
  const [revealed, setRevealed] = useState<RevealableKey | null>(null);
  const key = current.data?.key ?? null;

  function issueKey(gracePeriod: string) {
    issue.mutate(
      { gracePeriod, rotating: key !== null },
      {
        onSuccess: (created) => {
          setRotating(false);
          setRevealed({ key: created.key, name: created.name, maskedKey: created.maskedKey });
          issue.reset();
        },
      },
    );
  }

  useEffect(() => {
    if (key === null && focusCreate.current && createButton.current) {
      focusCreate.current = false;
      createButton.current.focus();
    }
  }, [key]);

  function revokeKey() {
    revoke.mutate(undefined, {
      onSuccess: () => {
        focusCreate.current = true;
        setRevoking(false);
        revoke.reset();
      },
    });
  }

  return (
    <section aria-labelledby="personal-key-title" className="rounded-xl border border-border bg-card">
      <div className="space-y-4 p-6">
        <div>
          <h2 id="personal-key-title" className="font-semibold">
            Personal API key
          </h2>
          <p className="mt-1 text-sm text-muted-foreground">
            One key for you, for scripts and the CLI. It works in every workspace you belong to, with your role there;
            send <code className="font-mono text-foreground">x-workspace-id</code> to choose one when you are in
            several.
          </p>
        </div>
        {!hasWorkspace ? (
          <p className="rounded-md border border-dashed border-border px-3 py-3 text-sm text-muted-foreground">
            A personal key acts in your workspaces, and you have none yet.{" "}
            <Link href="/new" className="font-medium text-primary underline-offset-4 hover:underline">
              Create a workspace
            </Link>{" "}
            first.
          </p>
        ) : current.isPending ? (
          <div aria-hidden className="space-y-2">
            <Skeleton className="h-5 w-64" />
            <Skeleton className="h-5 w-48" />
          </div>
        ) : current.isError ? (
          <div role="alert" className="text-sm">
            <p className="font-medium text-danger">Could not load your personal key</p>
            <p className="mt-1 text-muted-foreground">{current.error.message}</p>
            <Button variant="secondary" size="sm" className="mt-3" onClick={() => current.refetch()}>
              Try again
            </Button>
          </div>
        ) : key ? (
          <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
            <dt className="text-muted-foreground">Key</dt>
            <dd>
              <code data-testid="personal-masked-key" className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">
                {key.maskedKey}
              </code>
            </dd>
            <dt className="text-muted-foreground">Created</dt>
            <dd>
              <RelativeTime value={key.createdAt} />
            </dd>
            <dt className="text-muted-foreground">Last used</dt>
            <dd>
              <RelativeTime value={key.lastUsedAt} />
            </dd>
          </dl>
        ) : (
          <div className="flex items-center gap-3 rounded-md border border-dashed border-border px-3 py-3 text-sm text-muted-foreground">
            <KeyRound aria-hidden className="h-5 w-5 shrink-0" />
            You have no personal key yet. Its secret is shown once, when you create it.
          </div>
        )}
        {rotating ? null : <FormError message={issue.error?.message} />}
      </div>
      {hasWorkspace && current.isSuccess ? (
        <div className="flex items-center justify-between gap-3 rounded-b-xl border-t border-border bg-muted/40 px-6 py-3">
          <p className="text-xs text-muted-foreground">
            {key ? "Rotate if the key may have leaked, or on a schedule." : "Keysmith keeps only a hash of the key."}
          </p>
          {key ? (
            <div className="flex flex-wrap justify-end gap-2">
              <Button ref={revokeButton} size="sm" variant="secondary" onClick={() => setRevoking(true)}>
                <Ban aria-hidden className="h-4 w-4" /> Revoke personal key
              </Button>
              <Button size="sm" variant="secondary" onClick={() => setRotating(true)}>
                <RefreshCw aria-hidden className="h-4 w-4" /> Rotate personal key
              </Button>
            </div>
          ) : (
            <Button ref={createButton} size="sm" onClick={() => issueKey("0")} disabled={issue.isPending}>
              <KeyRound aria-hidden className="h-4 w-4" /> {issue.isPending ? "Creating…" : "Create personal key"}
            </Button>
          )}
        </div>
      ) : null}
      {key ? (
        <RevokePersonalKeyDialog
          open={revoking}
          maskedKey={key.maskedKey}
          pending={revoke.isPending}
          error={revoke.error?.message}
          onRevoke={revokeKey}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (!focusCreate.current) revokeButton.current?.focus();
          }}
          onOpenChange={(open) => {
            setRevoking(open);
            revoke.reset();
          }}
        />
      ) : null}
      {key ? (
        <RotatePersonalKeyDialog
          open={rotating}
          maskedKey={key.maskedKey}
          pending={issue.isPending}
          error={issue.error?.message}
          onRotate={issueKey}
          onOpenChange={(open) => {
            setRotating(open);
            issue.reset();
          }}
        />
      ) : null}
      <RevealKeyDialog created={revealed} onDone={() => setRevealed(null)} />
    </section>
  );
}

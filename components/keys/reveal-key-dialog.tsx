"use client";

import { EyeOff, ShieldAlert, TriangleAlert } from "lucide-react";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent } from "@/components/ui/dialog";

export const CONCEAL_AFTER_MS = 5 * 60 * 1000;

export interface RevealableKey {
  key: string;
  name: string;
  maskedKey: string;
}

/**
 * Shows a new secret exactly once. Closing it (Esc, a click outside, ×) before the secret
 * was copied asks "Close without saving?" first; "I have saved it" always closes. It warns
 * before the page is left, hides the secret for good after five minutes, and once closed
 * the secret is gone from the page.
 */
export function RevealKeyDialog({
  created,
  onDone,
  description = "This is the only time the secret is shown. Store it in a secrets manager now.",
  onCloseAutoFocus,
}: {
  created: RevealableKey | null;
  onDone: () => void;
  description?: ReactNode;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  // A fresh body (and fresh state) for every secret; nothing of it outlives the dialog.
  return created ? (
    <RevealDialog
      key={created.maskedKey}
      created={created}
      onDone={onDone}
      description={description}
      onCloseAutoFocus={onCloseAutoFocus}
    />
  ) : null;
}

function RevealDialog({
  created,
  onDone,
  description,
  onCloseAutoFocus,
}: {
  created: RevealableKey;
  onDone: () => void;
  description: ReactNode;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const [secret, setSecret] = useState<string | null>(created.key);
  const [copied, setCopied] = useState(false);
  const [asking, setAsking] = useState(false);
  const keepOpen = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const timer = setTimeout(() => setSecret(null), CONCEAL_AFTER_MS);
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("beforeunload", warn);
    };
  }, []);

  useEffect(() => {
    if (asking) keepOpen.current?.focus();
  }, [asking]);

  function requestClose() {
    if (copied || secret === null) return onDone();
    // A second Esc while asking means "no, keep it open".
    setAsking((wasAsking) => !wasAsking);
  }

  return (
    <Dialog open onOpenChange={(open) => !open && requestClose()}>
      <DialogContent
        title="Save your API key"
        description={description}
        showCloseButton
        className="w-[min(94vw,34rem)]"
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <div className="space-y-4">
          {secret === null ? (
            <p
              role="status"
              className="flex gap-2 rounded-lg border border-border bg-muted px-3 py-3 text-sm text-muted-foreground"
            >
              <EyeOff aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
              The secret was hidden after 5 minutes and cannot be shown again. If you did not save it, revoke this key
              and create a new one.
            </p>
          ) : (
            <div className="flex items-stretch gap-2">
              <code
                data-testid="revealed-key"
                className="min-w-0 flex-1 select-all break-all rounded-lg border border-border bg-muted px-3 py-2.5 font-mono text-sm leading-6"
              >
                {secret}
              </code>
              <CopyButton
                value={secret}
                copiedMessage="Key copied to the clipboard"
                onCopied={() => {
                  setCopied(true);
                  setAsking(false);
                }}
                className="h-auto"
              />
            </div>
          )}
          <p className="flex gap-2 text-sm text-muted-foreground">
            <ShieldAlert aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-amber-500" />
            Keysmith keeps only a hash of this key. If you lose it, revoke it and create another.
          </p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg border border-border px-3 py-2 text-sm">
            <dt className="text-muted-foreground">Name</dt>
            <dd className="truncate">{created.name}</dd>
            <dt className="text-muted-foreground">Shown later as</dt>
            <dd className="font-mono text-xs leading-5">{created.maskedKey}</dd>
          </dl>
          {asking ? (
            <div
              role="alert"
              className="rounded-lg border border-amber-500/40 bg-amber-50 p-3 text-sm dark:bg-amber-950/40"
            >
              <p className="flex items-center gap-2 font-medium text-amber-900 dark:text-amber-200">
                <TriangleAlert aria-hidden className="h-4 w-4" /> Close without saving?
              </p>
              <p className="mt-1 text-amber-900/80 dark:text-amber-200/80">
                You have not copied the key. Once this dialog is closed, it cannot be shown again.
              </p>
              <div className="mt-3 flex justify-end gap-2">
                <Button ref={keepOpen} variant="secondary" size="sm" onClick={() => setAsking(false)}>
                  Keep it open
                </Button>
                <Button variant="danger" size="sm" onClick={onDone}>
                  Close without saving
                </Button>
              </div>
            </div>
          ) : (
            <div className="flex justify-end">
              <Button onClick={onDone}>I have saved it</Button>
            </div>
          )}
        </div>
      </DialogContent>
    </Dialog>
  );
}

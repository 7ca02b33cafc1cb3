"use client";

import { AlertTriangle, Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";

const CONCEAL_AFTER_MS = 5 * 60 * 1000;

/**
 * Shows a new secret exactly once. It can only be closed with "I have saved it" (Esc and
 * outside clicks are ignored), warns before the page is left, and hides the secret
 * itself after five minutes. Once closed, the secret is gone from the page.
 */
export interface RevealableKey {
  key: string;
  name: string;
  maskedKey: string;
}

export function RevealKeyDialog({ created, onDone }: { created: RevealableKey | null; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const [concealed, setConcealed] = useState(false);

  useEffect(() => {
    setCopied(false);
    setConcealed(false);
    if (!created) return;
    const timer = setTimeout(() => setConcealed(true), CONCEAL_AFTER_MS);
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("beforeunload", warn);
    };
  }, [created]);

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied(true);
      toast.success("Key copied to the clipboard");
    } catch {
      toast.error("Could not copy: select the key and copy it by hand");
    }
  }

  return (
    <Dialog open={created !== null}>
      <DialogContent
        title="Save your API key"
        description="This is the only time the secret is shown. Store it in a secrets manager now."
        onEscapeKeyDown={(event) => event.preventDefault()}
        onPointerDownOutside={(event) => event.preventDefault()}
        onInteractOutside={(event) => event.preventDefault()}
      >
        {created ? (
          <div className="space-y-4">
            {concealed ? (
              <p role="status" className="rounded-md bg-muted px-3 py-3 text-sm text-muted-foreground">
                The secret was hidden after 5 minutes. If you did not save it, revoke this key and create a new one.
              </p>
            ) : (
              <div className="flex items-stretch gap-2">
                <code
                  data-testid="revealed-key"
                  className="min-w-0 flex-1 select-all break-all rounded-md border border-border bg-muted px-3 py-2 font-mono text-sm"
                >
                  {created.key}
                </code>
                <Button variant="secondary" onClick={copy} aria-label="Copy key">
                  {copied ? <Check aria-hidden className="h-4 w-4" /> : <Copy aria-hidden className="h-4 w-4" />}
                  {copied ? "Copied" : "Copy"}
                </Button>
              </div>
            )}
            <p className="flex gap-2 text-sm text-muted-foreground">
              <AlertTriangle aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-amber-500" />
              Keysmith stores only a hash of this key. If you lose it, revoke it and create another.
            </p>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-muted-foreground">Name</dt>
              <dd>{created.name}</dd>
              <dt className="text-muted-foreground">Shown later as</dt>
              <dd className="font-mono">{created.maskedKey}</dd>
            </dl>
            <div className="flex justify-end">
              <Button onClick={onDone}>I have saved it</Button>
            </div>
          </div>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

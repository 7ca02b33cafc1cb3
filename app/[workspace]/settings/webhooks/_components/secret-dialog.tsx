"use client";

import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent } from "@/components/ui/dialog";

/**
 * The signing secret, shown once (after adding an endpoint or rotating its secret): Keysmith
 * keeps it to sign deliveries but never shows it again. Closing needs "I have saved it".
 */
export function SecretDialog({
  revealed,
  onClose,
}: {
  revealed: { secret: string; title: string } | null;
  onClose: () => void;
}) {
  return (
    <Dialog open={revealed !== null}>
      <DialogContent
        title={revealed?.title ?? "Signing secret"}
        description="Copy it into your receiver now: it is not shown again. Rotate it here if it is ever lost or exposed."
        onEscapeKeyDown={(event) => event.preventDefault()}
        onPointerDownOutside={(event) => event.preventDefault()}
        onInteractOutside={(event) => event.preventDefault()}
      >
        {revealed ? (
          <div className="space-y-4">
            <code
              data-testid="webhook-secret"
              className="block break-all rounded-md border border-border bg-muted px-3 py-2 font-mono text-sm"
            >
              {revealed.secret}
            </code>
            <p className="text-sm text-muted-foreground">
              Verify each delivery with it: <code className="font-mono text-foreground">verifyWebhook()</code> from{" "}
              <code className="font-mono text-foreground">@keysmith/sdk</code>, or any Standard Webhooks library.
            </p>
            <div className="flex justify-end gap-2">
              <CopyButton value={revealed.secret} label="Copy secret" copiedMessage="Secret copied" />
              <Button onClick={onClose}>I have saved it</Button>
            </div>
          </div>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

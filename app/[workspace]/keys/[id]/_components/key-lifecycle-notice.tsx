import { Ban, RefreshCw } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import type { KeyView } from "@/lib/api/schemas/keys";
import { cn } from "@/lib/cn";

/** Says plainly when a key has been rotated or revoked, and where its replacement is. */
export function KeyLifecycleNotice({ workspace, keyView }: { workspace: string; keyView: KeyView }) {
  if (keyView.revokedAt) {
    return (
      <Notice tone="danger" icon={<Ban aria-hidden className="h-4 w-4" />}>
        Revoked <RelativeTime value={keyView.revokedAt} />. Verifications answer <code>REVOKED</code>; the key cannot be
        restored.
      </Notice>
    );
  }
  if (!keyView.rotatedAt) return null;
  const replacement = keyView.replacedById ? (
    <Link href={`/${workspace}/keys/${keyView.replacedById}`} className="font-medium underline underline-offset-2">
      View the replacement key
    </Link>
  ) : null;
  return keyView.status === "in_grace" ? (
    <Notice tone="warning" icon={<RefreshCw aria-hidden className="h-4 w-4" />}>
      Rotated <RelativeTime value={keyView.rotatedAt} />. This old key stops working{" "}
      <RelativeTime value={keyView.expiresAt} />, giving your services time to switch to the new one. {replacement}
    </Notice>
  ) : (
    <Notice tone="neutral" icon={<RefreshCw aria-hidden className="h-4 w-4" />}>
      Rotated <RelativeTime value={keyView.rotatedAt} />; its grace period is over and verifications answer{" "}
      <code>REVOKED</code> (reason <code>ROTATED</code>). {replacement}
    </Notice>
  );
}

const TONES = {
  danger: "border-red-600/30 bg-red-50 text-red-900 dark:bg-red-950/50 dark:text-red-200",
  warning: "border-amber-600/30 bg-amber-50 text-amber-900 dark:bg-amber-950/50 dark:text-amber-200",
  neutral: "border-border bg-muted/60 text-foreground",
} as const;

function Notice({ tone, icon, children }: { tone: keyof typeof TONES; icon: ReactNode; children: ReactNode }) {
  return (
    <div className={cn("flex items-start gap-2.5 rounded-lg border px-4 py-3 text-sm", TONES[tone])}>
      <span className="mt-0.5 shrink-0">{icon}</span>
      <p>{children}</p>
    </div>
  );
}

import { RelativeTime } from "@/components/ui/relative-time";
import type { KeyView } from "@/lib/api/schemas/keys";
import { EnvironmentBadge } from "./status-badge";

/** Which key a dialog is about: masked key, environment, creator and last use. */
export function KeySummary({ keyView: key }: { keyView: KeyView }) {
  return (
    <div className="rounded-lg border border-border bg-muted/40 px-3 py-2.5 text-sm">
      <div className="flex items-center justify-between gap-2">
        <code className="truncate font-mono text-xs">{key.maskedKey}</code>
        <EnvironmentBadge environment={key.environment} />
      </div>
      <p className="mt-1 text-xs text-muted-foreground">
        {key.createdBy ? `Created by ${key.createdBy.name} · ` : ""}last used{" "}
        <RelativeTime value={key.lastUsedAt} fallback="never" />
      </p>
    </div>
  );
}

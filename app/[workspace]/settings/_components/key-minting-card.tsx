"use client";

import { useId, useState } from "react";
import { toast } from "sonner";
import { SettingsCard } from "@/components/ui/settings-card";
import { Switch } from "@/components/ui/switch";
import type { WorkspaceView } from "@/lib/api/schemas/workspaces";
import { useUpdateWorkspace } from "./use-workspace-settings";

/** Whether an API key (with keys.write) may create other keys. Off by default. */
export function KeyMintingCard({ workspace }: { workspace: WorkspaceView }) {
  const update = useUpdateWorkspace(workspace.slug);
  const [allowed, setAllowed] = useState(workspace.allowKeyMinting);
  const id = useId();

  return (
    <SettingsCard
      id="key-minting"
      title="Key minting"
      description="Whether automation may create keys with a key. People signed in to the dashboard can always create keys their role allows."
      footer={
        allowed
          ? "On: keys holding keys.write can create keys. Keep such keys few, scoped and short-lived."
          : "Off by default: you can't mint a key with a key."
      }
      dirty={allowed !== workspace.allowKeyMinting}
      pending={update.isPending}
      error={update.error?.message}
      onSave={() =>
        update.mutate(
          { allowKeyMinting: allowed },
          {
            onSuccess: (saved) =>
              toast.success(
                saved.allowKeyMinting ? "API keys may now create keys" : "API keys can no longer create keys",
              ),
          },
        )
      }
    >
      <div className="flex items-start gap-3">
        <Switch id={id} checked={allowed} onCheckedChange={setAllowed} aria-describedby={`${id}-hint`} />
        <div>
          <label htmlFor={id} className="text-sm font-medium">
            Allow API keys to create keys
          </label>
          <p id={`${id}-hint`} className="mt-0.5 text-sm text-muted-foreground">
            A key holding <code className="font-mono text-foreground">keys.write</code> may then call{" "}
            <code className="font-mono text-foreground">POST /api/v1/keys</code>, for example to issue keys to your own
            customers. The new key can have no scope its creator lacks.
          </p>
        </div>
      </div>
    </SettingsCard>
  );
}

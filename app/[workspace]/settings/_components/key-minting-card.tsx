"use client";

import type { WorkspaceView } from "@/lib/api/schemas/workspaces";
import { SwitchSettingCard } from "./switch-setting-card";

/** Whether an API key (with keys.write) may create other keys. Off by default. */
export function KeyMintingCard({ workspace }: { workspace: WorkspaceView }) {
  return (
    <SwitchSettingCard
      workspace={workspace}
      setting="allowKeyMinting"
      id="key-minting"
      title="Key minting"
      description="Whether automation may create keys with a key. People signed in to the dashboard can always create keys their role allows."
      label="Allow API keys to create keys"
      hint={
        <>
          A key holding <code className="font-mono text-foreground">keys.write</code> may then call{" "}
          <code className="font-mono text-foreground">POST /api/v1/keys</code>, for example to issue keys to your own
          customers. The new key can have no scope its creator lacks.
        </>
      }
      on={{
        footer: "On: keys holding keys.write can create keys. Keep such keys few, scoped and short-lived.",
        saved: "API keys may now create keys",
      }}
      off={{ footer: "Off by default: you can't mint a key with a key.", saved: "API keys can no longer create keys" }}
    />
  );
}

"use client";

import type { WorkspaceView } from "@/lib/api/schemas/workspaces";
import { SwitchSettingCard } from "./switch-setting-card";

/** Whether verifying this workspace's keys needs a verifier key. Off by default. */
export function VerifierKeyCard({ workspace }: { workspace: WorkspaceView }) {
  return (
    <SwitchSettingCard
      workspace={workspace}
      setting="requireVerifierKey"
      id="verification"
      title="Verification"
      description="Who may ask Keysmith whether one of this workspace's keys is valid."
      label="Require a verifier key"
      hint={
        <>
          Your services then send a key holding <code className="font-mono text-foreground">keys.verify</code> as{" "}
          <code className="font-mono text-foreground">Authorization: Bearer</code> with each{" "}
          <code className="font-mono text-foreground">POST /api/v1/keys/verify</code>. Without one, this workspace's
          keys answer <code className="font-mono text-foreground">NOT_FOUND</code>.
        </>
      }
      on={{
        footer: "On: only your verifier keys can learn whether this workspace's keys are valid.",
        saved: "Verification now needs a verifier key",
      }}
      off={{
        footer:
          "Off by default: any caller holding a key can check it. A verifier key still confines answers to this workspace.",
        saved: "Anyone holding a key can verify it again",
      }}
    />
  );
}

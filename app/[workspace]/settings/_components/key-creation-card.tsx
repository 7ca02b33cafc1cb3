"use client";

import { useState } from "react";
import { toast } from "sonner";
import { type OptionCard, OptionCards } from "@/components/ui/option-cards";
import { SettingsCard } from "@/components/ui/settings-card";
import type { WorkspaceView } from "@/lib/api/schemas/workspaces";
import type { KeyCreation } from "@/lib/keys/permissions";
import { useUpdateWorkspace } from "./use-workspace-settings";

const OPTIONS: readonly OptionCard<KeyCreation>[] = [
  { value: "members", label: "Every member", hint: "Each with the scopes their role allows." },
  { value: "admins", label: "Owners and admins", hint: "Members use the keys they are given." },
];

/** Who may create this workspace's keys. Every member by default. */
export function KeyCreationCard({ workspace }: { workspace: WorkspaceView }) {
  const update = useUpdateWorkspace(workspace.slug);
  const [value, setValue] = useState(workspace.keyCreation);

  return (
    <SettingsCard
      id="key-creation"
      title="Key creation"
      description="Who may create this workspace's keys, in the dashboard or with an API key."
      footer={
        value === "admins"
          ? "Members cannot create keys; theirs keep working. A key acts with its creator's current role."
          : "Every member can create keys, never with more than their role allows."
      }
      dirty={value !== workspace.keyCreation}
      pending={update.isPending}
      error={update.error?.message}
      onSave={() =>
        update.mutate(
          { keyCreation: value },
          {
            onSuccess: (saved) =>
              toast.success(
                saved.keyCreation === "admins"
                  ? "Only owners and admins can create keys now"
                  : "Every member can create keys again",
              ),
          },
        )
      }
    >
      <OptionCards
        legend="Who can create keys"
        name="keyCreation"
        options={OPTIONS}
        value={value}
        onChange={setValue}
      />
    </SettingsCard>
  );
}

"use client";

import { useState } from "react";
import { toast } from "sonner";
import { NameField } from "@/components/ui/name-field";
import { SettingsCard } from "@/components/ui/settings-card";
import { updateWorkspaceSchema, type WorkspaceView } from "@/lib/api/schemas/workspaces";
import { zodFieldErrors } from "@/lib/client/form-errors";
import { cardErrors, useUpdateWorkspace } from "./use-workspace-settings";

export function NameCard({ workspace }: { workspace: WorkspaceView }) {
  const update = useUpdateWorkspace(workspace.slug);
  const [name, setName] = useState(workspace.name);
  const [invalid, setInvalid] = useState<string | undefined>();
  const errors = cardErrors(update.error, "name");

  function save() {
    const parsed = updateWorkspaceSchema.safeParse({ name });
    setInvalid(parsed.success ? undefined : zodFieldErrors(parsed.error).name);
    if (!parsed.success) return;
    update.mutate(parsed.data, { onSuccess: (saved) => toast.success(`Workspace renamed to ${saved.name}`) });
  }

  return (
    <SettingsCard
      id="workspace-name"
      title="Workspace name"
      description="Shown in the workspace switcher, on invitations and in the audit log."
      footer="2 to 60 characters."
      dirty={name.trim() !== workspace.name}
      pending={update.isPending}
      error={errors.form}
      onSave={save}
    >
      <div className="max-w-md">
        <NameField
          value={name}
          onChange={(value) => {
            setName(value);
            setInvalid(undefined);
          }}
          error={invalid ?? errors.field}
          autoComplete="organization"
        />
      </div>
    </SettingsCard>
  );
}

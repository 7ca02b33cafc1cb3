"use client";

import { type ReactNode, useId, useState } from "react";
import { toast } from "sonner";
import { SettingsCard } from "@/components/ui/settings-card";
import { Switch } from "@/components/ui/switch";
import type { WorkspaceView } from "@/lib/api/schemas/workspaces";
import { useUpdateWorkspace } from "./use-workspace-settings";

type SwitchSetting = "allowKeyMinting" | "requireVerifierKey" | "requireTwoFactor";

interface SwitchSettingCardProps {
  workspace: WorkspaceView;
  setting: SwitchSetting;
  id: string;
  title: string;
  description: string;
  label: string;
  hint: ReactNode;
  /** The footer and the toast after saving, for each position of the switch. */
  on: { footer: string; saved: string };
  off: { footer: string; saved: string };
}

/** A settings card holding one on/off workspace setting, saved on its own. */
export function SwitchSettingCard({
  workspace,
  setting,
  id: anchor,
  title,
  description,
  label,
  hint,
  on,
  off,
}: SwitchSettingCardProps) {
  const update = useUpdateWorkspace(workspace.slug);
  const [value, setValue] = useState(workspace[setting]);
  const id = useId();

  return (
    <SettingsCard
      id={anchor}
      title={title}
      description={description}
      footer={value ? on.footer : off.footer}
      dirty={value !== workspace[setting]}
      pending={update.isPending}
      error={update.error?.message}
      onSave={() =>
        update.mutate(
          { [setting]: value },
          { onSuccess: (saved) => toast.success(saved[setting] ? on.saved : off.saved) },
        )
      }
    >
      <div className="flex items-start gap-3">
        <Switch id={id} checked={value} onCheckedChange={setValue} aria-describedby={`${id}-hint`} />
        <div>
          <label htmlFor={id} className="text-sm font-medium">
            {label}
          </label>
          <p id={`${id}-hint`} className="mt-0.5 text-sm text-muted-foreground">
            {hint}
          </p>
        </div>
      </div>
    </SettingsCard>
  );
}

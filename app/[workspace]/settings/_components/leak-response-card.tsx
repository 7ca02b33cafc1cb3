"use client";

import { useState } from "react";
import { toast } from "sonner";
import { type OptionCard, OptionCards } from "@/components/ui/option-cards";
import { SettingsCard } from "@/components/ui/settings-card";
import type { WorkspaceView } from "@/lib/api/schemas/workspaces";
import type { LeakResponse } from "@/lib/leaks/leak-response";
import { useUpdateWorkspace } from "./use-workspace-settings";

const OPTIONS: readonly OptionCard<LeakResponse>[] = [
  { value: "revoke", label: "Revoke at once", hint: "The key stops working for good." },
  { value: "disable", label: "Disable and notify", hint: "The key stops working until someone turns it back on." },
];

/** What a leak report (GitHub's secret scanning, keysmith scan --report) does to this workspace's keys. */
export function LeakResponseCard({ workspace }: { workspace: WorkspaceView }) {
  const update = useUpdateWorkspace(workspace.slug);
  const [value, setValue] = useState(workspace.leakResponse);

  return (
    <SettingsCard
      id="leak-response"
      title="Leaked keys"
      description="When a live key of this workspace is reported leaked (by GitHub's secret scanning, or keysmith scan --report)."
      footer={
        value === "disable"
          ? "A reported key is disabled; its creator and the workspace's owners and admins are emailed to replace it."
          : "A reported key is revoked at once; its creator and the workspace's owners and admins are emailed."
      }
      dirty={value !== workspace.leakResponse}
      pending={update.isPending}
      error={update.error?.message}
      onSave={() =>
        update.mutate(
          { leakResponse: value },
          {
            onSuccess: (saved) =>
              toast.success(
                saved.leakResponse === "disable"
                  ? "Leaked keys will be disabled, not revoked"
                  : "Leaked keys will be revoked at once",
              ),
          },
        )
      }
    >
      <OptionCards
        legend="When a key is reported leaked"
        name="leakResponse"
        options={OPTIONS}
        value={value}
        onChange={setValue}
      />
    </SettingsCard>
  );
}

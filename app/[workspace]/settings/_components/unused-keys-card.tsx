"use client";

import type { WorkspaceSettingsView } from "@/lib/api/schemas/workspaces";
import { PolicyDaysCard } from "./policy-days-card";

const plural = (days: number) => `${days} day${days === 1 ? "" : "s"}`;

/** Hygiene policy: keys nobody uses are disabled after N days. Off by default. */
export function UnusedKeysCard({ workspace }: { workspace: WorkspaceSettingsView }) {
  return (
    <PolicyDaysCard
      workspace={workspace}
      field="disableUnusedKeysAfterDays"
      id="unused-keys"
      title="Unused keys"
      description="A key no service uses is only a risk. Disabled keys stop verifying but can be enabled again from their page."
      toggleLabel="Disable keys that are not used"
      daysLabel="After"
      suggestedDays={90}
      footer={(days) =>
        days === null
          ? "Unused keys stay enabled. The hygiene page lists them."
          : `Keys not used for ${plural(days)} (never used: since they were created) are disabled, each recorded in the audit log.`
      }
      saved={(days) =>
        days === null ? "Unused keys stay enabled" : `Keys unused for ${plural(days)} will be disabled`
      }
    />
  );
}

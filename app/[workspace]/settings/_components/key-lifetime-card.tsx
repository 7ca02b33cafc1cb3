"use client";

import type { WorkspaceSettingsView } from "@/lib/api/schemas/workspaces";
import { PolicyDaysCard } from "./policy-days-card";

const plural = (days: number) => `${days} day${days === 1 ? "" : "s"}`;

/** Hygiene policy: every key must expire within N days. */
export function KeyLifetimeCard({ workspace }: { workspace: WorkspaceSettingsView }) {
  return (
    <PolicyDaysCard
      workspace={workspace}
      field="maxKeyLifetimeDays"
      id="key-lifetime"
      title="Maximum key lifetime"
      description="Keys that never expire are the ones that leak years later. With a limit, every key must expire within it."
      toggleLabel="Keys must expire"
      daysLabel="Within"
      suggestedDays={90}
      footer={(days) =>
        days === null
          ? "Keys may be created without an expiry."
          : `Keys created, rotated or given a new expiry from now on must expire within ${plural(days)}; “Never” is no longer offered. Existing keys keep their expiry.`
      }
      saved={(days) =>
        days === null ? "Keys may be created without an expiry again" : `Keys now expire within ${plural(days)}`
      }
    />
  );
}

"use client";

import { type ReactNode, useId, useState } from "react";
import { toast } from "sonner";
import { Field, Input } from "@/components/ui/field";
import { SettingsCard } from "@/components/ui/settings-card";
import { MAX_POLICY_DAYS, type WorkspaceSettingsView } from "@/lib/api/schemas/workspaces";
import { cardErrors, useUpdateWorkspace } from "./use-workspace-settings";

type PolicyField = "maxKeyLifetimeDays" | "disableUnusedKeysAfterDays";

interface PolicyDaysCardProps {
  workspace: WorkspaceSettingsView;
  field: PolicyField;
  id: string;
  title: string;
  description: ReactNode;
  /** The checkbox's label: what turning the policy on does. */
  toggleLabel: string;
  /** The days field's label. */
  daysLabel: string;
  /** Suggested when the policy is turned on. */
  suggestedDays: number;
  /** What saving does, given the days (null: off). */
  footer: (days: number | null) => ReactNode;
  saved: (days: number | null) => string;
}

/** A hygiene policy that is off, or a number of days: a checkbox and a days field, saved together. */
export function PolicyDaysCard(props: PolicyDaysCardProps) {
  const { workspace, field } = props;
  const update = useUpdateWorkspace(workspace.slug);
  const current = workspace[field];
  const [on, setOn] = useState(current !== null);
  const [text, setText] = useState(String(current ?? props.suggestedDays));
  const toggleId = useId();
  const days = Number(text);
  const invalid = !on
    ? undefined
    : !/^\d+$/.test(text.trim())
      ? "Enter a whole number of days"
      : days < 1 || days > MAX_POLICY_DAYS
        ? `Between 1 and ${MAX_POLICY_DAYS} days`
        : undefined;
  const wanted = on ? days : null;
  const errors = cardErrors(update.error, field);

  return (
    <SettingsCard
      id={props.id}
      title={props.title}
      description={props.description}
      footer={props.footer(invalid ? null : wanted)}
      dirty={wanted !== current}
      pending={update.isPending}
      error={errors.form}
      onSave={() => {
        if (invalid) return;
        update.mutate({ [field]: wanted }, { onSuccess: (saved) => toast.success(props.saved(saved[field])) });
      }}
    >
      <div className="flex items-start gap-3">
        <input
          id={toggleId}
          type="checkbox"
          checked={on}
          onChange={(event) => setOn(event.target.checked)}
          className="mt-0.5 h-4 w-4 rounded border-border accent-primary"
        />
        <label htmlFor={toggleId} className="text-sm font-medium">
          {props.toggleLabel}
        </label>
      </div>
      {on ? (
        <div className="max-w-40 pl-7">
          <Field label={props.daysLabel} error={invalid ?? errors.field} hint="Days">
            {(p) => (
              <Input
                {...p}
                inputMode="numeric"
                value={text}
                onChange={(event) => setText(event.target.value)}
                maxLength={4}
                autoComplete="off"
              />
            )}
          </Field>
        </div>
      ) : null}
    </SettingsCard>
  );
}

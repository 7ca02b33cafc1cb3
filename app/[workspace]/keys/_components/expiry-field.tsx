"use client";

import { addDays, endOfDay, format, parseISO } from "date-fns";
import { Field, Input, Select } from "@/components/ui/field";
import type { CreateKeyInput } from "@/lib/api/schemas/keys";
import { EXPIRY_PRESETS, type ExpiryPreset, expiryFromPreset } from "@/lib/keys/expiry";

const LABELS: Record<ExpiryPreset, string> = {
  "15d": "15 days",
  "25d": "25 days",
  "45d": "45 days",
  "90d": "90 days",
  "6m": "6 months",
  "1y": "1 year",
  never: "Never",
};

export interface ExpiryChoice {
  preset: ExpiryPreset | "custom";
  /** yyyy-mm-dd, for a custom date: the key works until the end of that day, local time. */
  date: string;
}

export const DEFAULT_EXPIRY: ExpiryChoice = { preset: "90d", date: "" };

/** The part of the create request that says when the key expires. */
export function expiryInput(choice: ExpiryChoice): Pick<CreateKeyInput, "expiresIn" | "expiresAt"> {
  if (choice.preset !== "custom") return { expiresIn: choice.preset };
  return { expiresAt: choice.date ? endOfDay(parseISO(choice.date)).toISOString() : "" };
}

function preview(choice: ExpiryChoice): string {
  if (choice.preset === "never") return "The key works until it is revoked.";
  const at = choice.preset === "custom" ? (choice.date ? endOfDay(parseISO(choice.date)) : null) : null;
  const date = choice.preset === "custom" ? at : expiryFromPreset(choice.preset, new Date());
  return date ? `Expires ${format(date, "PPP")}.` : "Pick the last day the key works.";
}

export function ExpiryField({
  value,
  onChange,
  error,
}: {
  value: ExpiryChoice;
  onChange: (value: ExpiryChoice) => void;
  error?: string;
}) {
  const tomorrow = format(addDays(new Date(), 1), "yyyy-MM-dd");
  return (
    <div className="space-y-2">
      <Field label="Expires" hint={value.preset === "custom" ? undefined : preview(value)}>
        {(p) => (
          <Select
            {...p}
            value={value.preset}
            onChange={(event) => onChange({ ...value, preset: event.target.value as ExpiryChoice["preset"] })}
          >
            {EXPIRY_PRESETS.map((preset) => (
              <option key={preset} value={preset}>
                {LABELS[preset]}
              </option>
            ))}
            <option value="custom">Custom date…</option>
          </Select>
        )}
      </Field>
      {value.preset === "custom" ? (
        <Field label="Expiry date" error={error} hint={preview(value)}>
          {(p) => (
            <Input
              {...p}
              type="date"
              min={tomorrow}
              value={value.date}
              onChange={(event) => onChange({ ...value, date: event.target.value })}
            />
          )}
        </Field>
      ) : null}
    </div>
  );
}

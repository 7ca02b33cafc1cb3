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

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The presets a workspace's maximum key lifetime allows (null: every one, "Never" included):
 * those whose date falls within the limit from now; never "Never".
 */
export function allowedPresets(maxDays: number | null, now = new Date()): ExpiryPreset[] {
  if (maxDays === null) return [...EXPIRY_PRESETS];
  const latest = now.getTime() + maxDays * DAY_MS;
  return EXPIRY_PRESETS.filter((preset) => {
    const date = expiryFromPreset(preset, now);
    return date !== null && date.getTime() <= latest;
  });
}

/** The last day a custom expiry may be under the limit (its end of day stays within it). */
function lastAllowedDay(maxDays: number, now = new Date()): Date {
  return addDays(now, Math.max(maxDays - 1, 0));
}

/** 90 days, or under a maximum lifetime the longest preset within it (else its last allowed day). */
export function defaultExpiry(maxDays: number | null): ExpiryChoice {
  const allowed = allowedPresets(maxDays);
  if (allowed.includes(DEFAULT_EXPIRY.preset as ExpiryPreset)) return DEFAULT_EXPIRY;
  const longest = allowed.at(-1);
  if (longest) return { preset: longest, date: "" };
  return { preset: "custom", date: format(lastAllowedDay(maxDays ?? 1), "yyyy-MM-dd") };
}

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
  maxDays = null,
}: {
  value: ExpiryChoice;
  onChange: (value: ExpiryChoice) => void;
  error?: string;
  /** The workspace's maximum key lifetime: "Never" and longer presets are not offered. */
  maxDays?: number | null;
}) {
  const tomorrow = format(addDays(new Date(), 1), "yyyy-MM-dd");
  const presets = allowedPresets(maxDays);
  const latest = maxDays === null ? undefined : format(lastAllowedDay(maxDays), "yyyy-MM-dd");
  const limit = maxDays === null ? "" : ` Keys here expire within ${maxDays} day${maxDays === 1 ? "" : "s"}.`;
  return (
    <div className="space-y-2">
      <Field
        label="Expires"
        hint={value.preset === "custom" ? limit.trim() || undefined : `${preview(value)}${limit}`}
        error={value.preset === "custom" ? undefined : error}
      >
        {(p) => (
          <Select
            {...p}
            value={value.preset}
            onChange={(event) => onChange({ ...value, preset: event.target.value as ExpiryChoice["preset"] })}
          >
            {presets.map((preset) => (
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
              max={latest}
              value={value.date}
              onChange={(event) => onChange({ ...value, date: event.target.value })}
            />
          )}
        </Field>
      ) : null}
    </div>
  );
}

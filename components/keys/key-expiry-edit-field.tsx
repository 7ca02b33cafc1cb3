"use client";

import { addDays, endOfDay, format, parseISO } from "date-fns";
import { useId } from "react";
import { Field, Input } from "@/components/ui/field";

/** The edit dialog's expiry: a last day (yyyy-mm-dd; the key works until its end, local time) or none. */
export interface ExpiryEdit {
  never: boolean;
  date: string;
}

export function expiryEditOf(expiresAt: string | null): ExpiryEdit {
  return { never: expiresAt === null, date: expiresAt ? format(parseISO(expiresAt), "yyyy-MM-dd") : "" };
}

/** The PATCH value when the expiry changed (an ISO date, or null for none); undefined when it did not. */
export function changedExpiry(before: string | null, edit: ExpiryEdit): string | null | undefined {
  if (edit.never) return before === null ? undefined : null;
  if (!edit.date) return undefined;
  if (before !== null && edit.date === expiryEditOf(before).date) return undefined;
  return endOfDay(parseISO(edit.date)).toISOString();
}

/** Changing the expiry starts a fresh window and makes its warnings due again; a workspace's maximum lifetime applies. */
export function KeyExpiryEditField({
  value,
  onChange,
  error,
}: {
  value: ExpiryEdit;
  onChange: (value: ExpiryEdit) => void;
  error?: string;
}) {
  const neverId = useId();
  return (
    <div className="space-y-2">
      <Field label="Expires on" error={error} hint={value.never ? "The key works until it is revoked." : undefined}>
        {(p) => (
          <Input
            {...p}
            type="date"
            min={format(addDays(new Date(), 1), "yyyy-MM-dd")}
            value={value.never ? "" : value.date}
            disabled={value.never}
            onChange={(event) => onChange({ never: false, date: event.target.value })}
          />
        )}
      </Field>
      <div className="flex items-center gap-2">
        <input
          id={neverId}
          type="checkbox"
          checked={value.never}
          onChange={(event) => onChange({ ...value, never: event.target.checked })}
          className="h-4 w-4 accent-primary"
        />
        <label htmlFor={neverId} className="text-sm">
          Never expires
        </label>
      </div>
    </div>
  );
}

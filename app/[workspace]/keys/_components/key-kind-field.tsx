"use client";

import { OptionCards } from "@/components/ui/option-cards";

export type NewKeyKind = "workspace" | "organization";

const OPTIONS = [
  { value: "workspace", label: "Workspace", hint: "Acts in this workspace only" },
  { value: "organization", label: "Organization", hint: "One key for every workspace of the organization" },
] as const;

/** Offered to organization owners and admins only: whether the key acts here or organization-wide. */
export function KeyKindField({
  value,
  onChange,
  error,
}: {
  value: NewKeyKind;
  onChange: (value: NewKeyKind) => void;
  error?: string;
}) {
  return (
    <OptionCards
      legend="Scope"
      name="kind"
      options={OPTIONS}
      value={value}
      onChange={onChange}
      error={error}
      detail={(option) =>
        option.value === "organization" ? (
          <span className="mt-1 block text-[11px] text-muted-foreground">Callers send x-workspace-id</span>
        ) : null
      }
    />
  );
}

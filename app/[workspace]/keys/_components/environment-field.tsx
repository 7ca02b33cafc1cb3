"use client";

import { environmentHint, environmentLabel } from "@/components/keys/environment-labels";
import { OptionCards } from "@/components/ui/option-cards";

/** The workspace's environments, as radio cards that show the prefix the key will carry. */
export function EnvironmentField({
  prefix,
  environments,
  value,
  onChange,
  error,
}: {
  prefix: string;
  environments: readonly string[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const options = environments.map((name) => ({
    value: name,
    label: environmentLabel(name),
    hint: environmentHint(name),
  }));
  return (
    <OptionCards
      legend="Environment"
      name="environment"
      options={options}
      value={value}
      onChange={onChange}
      error={error}
      detail={(option) => (
        <code className="mt-1 block truncate font-mono text-[11px] text-muted-foreground">
          {prefix}_{option.value}_…
        </code>
      )}
    />
  );
}

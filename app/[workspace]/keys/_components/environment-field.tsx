"use client";

import { OptionCards } from "@/components/ui/option-cards";

const OPTIONS = [
  { value: "live", label: "Live", hint: "Production traffic" },
  { value: "test", label: "Test", hint: "Development and CI" },
] as const;

/** Live or test, as two radio cards that show the prefix the key will carry. */
export function EnvironmentField({
  prefix,
  value,
  onChange,
  error,
}: {
  prefix: string;
  value: "live" | "test";
  onChange: (value: "live" | "test") => void;
  error?: string;
}) {
  return (
    <OptionCards
      legend="Environment"
      name="environment"
      options={OPTIONS}
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

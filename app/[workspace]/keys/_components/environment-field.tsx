"use client";

import { cn } from "@/lib/cn";

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
    <fieldset>
      <legend className="text-sm font-medium">Environment</legend>
      <div className="mt-1.5 grid grid-cols-2 gap-2">
        {OPTIONS.map((option) => (
          <label
            key={option.value}
            className={cn(
              "flex cursor-pointer items-start gap-2 rounded-lg border border-border p-2.5 text-sm transition-colors hover:bg-muted/60 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
              value === option.value && "border-primary bg-primary/5",
            )}
          >
            <input
              type="radio"
              name="environment"
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              className="mt-0.5 h-4 w-4 accent-[var(--primary)] focus-visible:outline-none"
            />
            <span className="min-w-0">
              <span className="block font-medium">{option.label}</span>
              <span className="block text-xs text-muted-foreground">{option.hint}</span>
              <code className="mt-1 block truncate font-mono text-[11px] text-muted-foreground">
                {prefix}_{option.value}_…
              </code>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p role="alert" className="mt-1.5 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

"use client";

import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export interface OptionCard<T extends string> {
  value: T;
  label: string;
  hint: string;
}

/** A radio group drawn as a two-column grid of cards, each with a label, a hint and optional extra detail. */
export function OptionCards<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  detail,
  error,
}: {
  legend: string;
  name: string;
  options: readonly OptionCard<T>[];
  value: T;
  onChange: (value: T) => void;
  /** Extra line under an option's hint, e.g. the key prefix it produces. */
  detail?: (option: OptionCard<T>) => ReactNode;
  error?: string;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-1.5 grid grid-cols-2 gap-2">
        {options.map((option) => (
          <label
            key={option.value}
            className={cn(
              "flex cursor-pointer items-start gap-2 rounded-lg border border-border p-2.5 text-sm transition-colors hover:bg-muted/60 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
              value === option.value && "border-primary bg-primary/5",
            )}
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              className="mt-0.5 h-4 w-4 accent-[var(--primary)] focus-visible:outline-none"
            />
            <span className="min-w-0">
              <span className="block font-medium">{option.label}</span>
              <span className="block text-xs text-muted-foreground">{option.hint}</span>
              {detail?.(option)}
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

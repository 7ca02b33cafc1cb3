"use client";

import type { FormEvent, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

interface SettingsCardProps {
  id: string;
  title: string;
  description: ReactNode;
  /** What saving does, shown beside the button. */
  footer: ReactNode;
  dirty: boolean;
  pending: boolean;
  error?: string | null;
  onSave: () => void;
  children: ReactNode;
}

/** One setting (or a few that belong together) with its own Save: a form per card, nothing else is touched. */
export function SettingsCard({
  id,
  title,
  description,
  footer,
  dirty,
  pending,
  error,
  onSave,
  children,
}: SettingsCardProps) {
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (dirty && !pending) onSave();
  }
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-border bg-card">
      <form onSubmit={onSubmit} noValidate>
        <div className="space-y-4 p-6">
          <div>
            <h2 id={`${id}-title`} className="font-semibold">
              {title}
            </h2>
            <p className="mt-1 text-sm text-muted-foreground">{description}</p>
          </div>
          <FormError message={error} />
          {children}
        </div>
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-b-xl border-t border-border bg-muted/40 px-6 py-3">
          <p className="text-xs text-muted-foreground">{footer}</p>
          <Button type="submit" size="sm" disabled={!dirty || pending}>
            {pending ? "Saving…" : "Save"}
          </Button>
        </div>
      </form>
    </section>
  );
}

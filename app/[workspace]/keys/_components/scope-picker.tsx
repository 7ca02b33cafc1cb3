"use client";

import { useId } from "react";
import { BUILT_IN_SCOPES } from "@/lib/auth/scopes";
import { cn } from "@/lib/cn";

const DESCRIPTIONS: Record<string, string> = {
  "keys.read": "List and view keys",
  "keys.write": "Create, edit, rotate and revoke keys",
  "members.read": "See who is in the workspace",
  "members.write": "Invite members and change roles",
  "audit.read": "Read the audit log",
  "workspace.read": "See workspace settings",
  "workspace.write": "Change workspace settings",
};

/** Scopes grouped by resource ("keys", "members", …), in the order they were given. */
function groupScopes(scopes: string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const scope of scopes) {
    const resource = scope.split(".")[0];
    groups.set(resource, [...(groups.get(resource) ?? []), scope]);
  }
  return [...groups];
}

interface ScopePickerProps {
  /** What the viewer may grant (their role's ceiling). */
  grantable: string[];
  /** Scopes the key already holds beyond that: shown, but not the viewer's to change. */
  locked?: string[];
  value: string[];
  onChange: (scopes: string[]) => void;
  error?: string;
}

/** Checkboxes per resource, with quick "All / Read only / None" choices. */
export function ScopePicker({ grantable, locked = [], value, onChange, error }: ScopePickerProps) {
  const id = useId();
  const all = [...grantable, ...locked.filter((scope) => !grantable.includes(scope))];
  const chosen = new Set(value);
  const set = (scopes: string[]) => onChange([...scopes, ...locked.filter((s) => chosen.has(s))]);
  const toggle = (scope: string, on: boolean) =>
    onChange(on ? [...value, scope] : value.filter((existing) => existing !== scope));

  return (
    <fieldset aria-describedby={error ? `${id}-error` : `${id}-hint`} aria-invalid={!!error}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <legend className="text-sm font-medium">Scopes</legend>
        <div className="flex gap-1 text-xs">
          {[
            ["All", grantable],
            ["Read only", grantable.filter((scope) => scope.endsWith(".read"))],
            ["None", []],
          ].map(([label, scopes]) => (
            <button
              key={label as string}
              type="button"
              onClick={() => set(scopes as string[])}
              className="rounded px-1.5 py-0.5 font-medium text-primary hover:bg-primary/10 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              {label as string}
            </button>
          ))}
        </div>
      </div>
      <p id={`${id}-hint`} className="mt-0.5 text-xs text-muted-foreground">
        {value.length} of {all.length} selected. A key can never do more than its creator's role allows.
      </p>
      <div
        className={cn("mt-2 grid gap-2 rounded-lg border border-border p-3 sm:grid-cols-2", error && "border-danger")}
      >
        {groupScopes(all).map(([resource, scopes]) => (
          <div key={resource} className="min-w-0">
            <p className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">
              {resource}
              {(BUILT_IN_SCOPES as readonly string[]).includes(scopes[0]) ? null : (
                <span className="ml-1.5 font-normal normal-case tracking-normal">(custom)</span>
              )}
            </p>
            <ul className="mt-1 space-y-0.5">
              {scopes.map((scope) => {
                const isLocked = !grantable.includes(scope);
                return (
                  <li key={scope}>
                    <label
                      className={cn(
                        "flex items-start gap-2 rounded px-1 py-1 text-sm hover:bg-muted/60",
                        isLocked ? "cursor-not-allowed opacity-70" : "cursor-pointer",
                      )}
                    >
                      <input
                        type="checkbox"
                        className="mt-0.5 h-4 w-4 shrink-0 accent-[var(--primary)]"
                        checked={chosen.has(scope)}
                        disabled={isLocked}
                        onChange={(event) => toggle(scope, event.target.checked)}
                      />
                      <span className="min-w-0">
                        <span className="block font-mono text-xs leading-5">{scope}</span>
                        <span className="block text-xs text-muted-foreground">
                          {isLocked ? "Beyond your role: only someone who holds it can change it" : DESCRIPTIONS[scope]}
                        </span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1.5 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

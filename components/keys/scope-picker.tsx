"use client";

import { useId } from "react";
import { BUILT_IN_SCOPES } from "@/lib/auth/scopes";
import { cn } from "@/lib/cn";

const RESOURCES: Record<string, string> = {
  keys: "View keys · create, rotate and revoke them",
  members: "See members · invite them and change roles",
  audit: "Read the audit log",
  workspace: "See settings · change them",
};

/** Built-in scopes whose meaning the resource line does not say. */
const SCOPE_HINTS: Record<string, string> = {
  "keys.verify": "verify: a verifier key, sent by your service to /keys/verify, sees only this workspace's keys",
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
      <div className={cn("mt-2 divide-y divide-border rounded-lg border border-border", error && "border-danger")}>
        {groupScopes(all).map(([resource, scopes]) => (
          <div key={resource} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2">
            <div className="min-w-0 flex-1">
              <p className="text-sm font-medium capitalize">{resource}</p>
              <p className="truncate text-xs text-muted-foreground">
                {(BUILT_IN_SCOPES as readonly string[]).includes(scopes[0])
                  ? RESOURCES[resource]
                  : "Your own scope, checked by your services"}
              </p>
              {scopes
                .filter((scope) => SCOPE_HINTS[scope])
                .map((scope) => (
                  <p key={scope} className="text-xs text-muted-foreground">
                    {SCOPE_HINTS[scope]}
                  </p>
                ))}
            </div>
            <div className="flex gap-1">
              {scopes.map((scope) => {
                const isLocked = !grantable.includes(scope);
                return (
                  <label
                    key={scope}
                    title={isLocked ? "Beyond your role: only someone who holds it can change it" : undefined}
                    className={cn(
                      "flex items-center gap-1.5 rounded-md border border-border px-2 py-1 text-xs transition-colors has-[:checked]:border-primary/60 has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                      isLocked ? "cursor-not-allowed opacity-60" : "cursor-pointer hover:bg-muted/60",
                    )}
                  >
                    <input
                      type="checkbox"
                      aria-label={scope}
                      className="h-3.5 w-3.5 accent-[var(--primary)] focus-visible:outline-none"
                      checked={chosen.has(scope)}
                      disabled={isLocked}
                      onChange={(event) => toggle(scope, event.target.checked)}
                    />
                    <span className="font-mono">{scope.slice(resource.length + 1)}</span>
                  </label>
                );
              })}
            </div>
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

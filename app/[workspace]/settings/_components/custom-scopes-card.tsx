"use client";

import { X } from "lucide-react";
import { type KeyboardEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { SettingsCard } from "@/components/ui/settings-card";
import type { WorkspaceView } from "@/lib/api/schemas/workspaces";
import { BUILT_IN_SCOPES, SCOPE_PATTERN } from "@/lib/auth/scopes";
import { useUpdateWorkspace } from "./use-workspace-settings";

const MAX_CUSTOM_SCOPES = 50;

/** Why a scope cannot be added, or null when it can. */
function scopeProblem(scope: string, scopes: readonly string[]): string | null {
  if (!scope) return "Type a scope first, such as tasks.read";
  if (!SCOPE_PATTERN.test(scope)) {
    return "Scopes look like resource.action: lowercase letters, digits, - or _, such as tasks.read";
  }
  if ((BUILT_IN_SCOPES as readonly string[]).includes(scope)) return `${scope} is built in: every workspace has it`;
  if (scopes.includes(scope)) return `${scope} is already in the list`;
  if (scopes.length >= MAX_CUSTOM_SCOPES) return `At most ${MAX_CUSTOM_SCOPES} custom scopes`;
  return null;
}

/** The workspace's own scopes, for its services to check through verification. */
export function CustomScopesCard({ workspace }: { workspace: WorkspaceView }) {
  const update = useUpdateWorkspace(workspace.slug);
  const [scopes, setScopes] = useState(workspace.customScopes);
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const dirty =
    scopes.length !== workspace.customScopes.length || scopes.some((s, i) => s !== workspace.customScopes[i]);
  const apiIssue = update.error instanceof Error ? update.error.message : null;

  function add() {
    const scope = draft.trim();
    const found = scopeProblem(scope, scopes);
    setProblem(found);
    if (found) return;
    setScopes([...scopes, scope]);
    setDraft("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter adds the scope rather than saving the card.
    if (event.key !== "Enter") return;
    event.preventDefault();
    add();
  }

  return (
    <SettingsCard
      id="custom-scopes"
      title="Custom scopes"
      description={
        <>
          Scopes of your own, such as <code className="font-mono text-foreground">tasks.read</code>, to grant to keys
          and check in your services with <code className="font-mono text-foreground">requiredScopes</code> when
          verifying.
        </>
      }
      footer="Removing a scope takes it away from every key that holds it as soon as you save."
      dirty={dirty}
      pending={update.isPending}
      error={apiIssue}
      onSave={() =>
        update.mutate(
          { customScopes: scopes },
          { onSuccess: (saved) => toast.success(`${saved.customScopes.length} custom scopes saved`) },
        )
      }
    >
      {scopes.length > 0 ? (
        <ul aria-label="Custom scopes" className="flex flex-wrap gap-2">
          {scopes.map((scope) => (
            <li
              key={scope}
              className="inline-flex items-center gap-1 rounded-full border border-border bg-muted/60 py-0.5 pl-3 pr-1 font-mono text-xs"
            >
              {scope}
              <button
                type="button"
                aria-label={`Remove ${scope}`}
                onClick={() => setScopes(scopes.filter((s) => s !== scope))}
                className="inline-flex h-5 w-5 items-center justify-center rounded-full text-muted-foreground hover:bg-border hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              >
                <X aria-hidden className="h-3 w-3" />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-md border border-dashed border-border px-3 py-3 text-sm text-muted-foreground">
          No custom scopes yet. Keys can use the built-in scopes only.
        </p>
      )}
      <div className="flex max-w-md items-start gap-2">
        <div className="flex-1">
          <Field label="New scope" error={problem ?? undefined}>
            {(p) => (
              <Input
                {...p}
                value={draft}
                placeholder="tasks.read"
                autoComplete="off"
                spellCheck={false}
                className="font-mono"
                onChange={(event) => {
                  setDraft(event.target.value);
                  setProblem(null);
                }}
                onKeyDown={onKeyDown}
              />
            )}
          </Field>
        </div>
        <Button variant="secondary" className="mt-[1.625rem]" onClick={add}>
          Add
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">
        Built in, always available:{" "}
        {BUILT_IN_SCOPES.map((scope, index) => (
          <span key={scope}>
            <code className="font-mono text-foreground">{scope}</code>
            {index < BUILT_IN_SCOPES.length - 1 ? ", " : ""}
          </span>
        ))}
      </p>
    </SettingsCard>
  );
}

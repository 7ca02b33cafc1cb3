"use client";

import { X } from "lucide-react";
import { type KeyboardEvent, useState } from "react";
import { toast } from "sonner";
import { environmentHint } from "@/components/keys/environment-labels";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { SettingsCard } from "@/components/ui/settings-card";
import type { WorkspaceView } from "@/lib/api/schemas/workspaces";
import { ENVIRONMENT_PATTERN, MAX_ENVIRONMENTS } from "@/lib/keys/shape";
import { cardErrors, useUpdateWorkspace } from "./use-workspace-settings";

const SUGGESTIONS = ["prod", "staging", "dev", "qa", "sandbox"];

/** Why a name cannot be added, or null when it can. */
function environmentProblem(name: string, environments: readonly string[]): string | null {
  if (!name) return "Type a name first, such as prod";
  if (!ENVIRONMENT_PATTERN.test(name)) return "2–10 lowercase letters (a to z), such as prod or staging";
  if (environments.includes(name)) return `${name} is already in the list`;
  if (environments.length >= MAX_ENVIRONMENTS) return `At most ${MAX_ENVIRONMENTS} environments: remove one first`;
  return null;
}

/** The environments keys are created in (each key carries its own in its prefix); the first is the default. */
export function EnvironmentsCard({ workspace }: { workspace: WorkspaceView }) {
  const update = useUpdateWorkspace(workspace.slug);
  const [environments, setEnvironments] = useState(workspace.environments);
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const dirty =
    environments.length !== workspace.environments.length ||
    environments.some((name, i) => name !== workspace.environments[i]);
  const errors = cardErrors(update.error, "environments");
  const listError = environments.length === 0 ? "Keep at least one environment" : errors.field;

  function add() {
    const name = draft.trim();
    const found = environmentProblem(name, environments);
    setProblem(found);
    if (found) return;
    setEnvironments([...environments, name]);
    setDraft("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter adds the name rather than saving the card.
    if (event.key !== "Enter") return;
    event.preventDefault();
    add();
  }

  return (
    <SettingsCard
      id="environments"
      title="Environments"
      description={
        <>
          Every key is created in one of them and carries it after the prefix, such as{" "}
          <code className="font-mono text-foreground">
            {workspace.keyPrefix}_{environments[0] ?? "live"}_…
          </code>
          . Up to {MAX_ENVIRONMENTS}; new keys go in the first unless another is chosen.
        </>
      }
      footer="An environment that keys still use cannot be removed until they are revoked; existing keys keep theirs."
      dirty={dirty}
      pending={update.isPending}
      error={errors.form}
      onSave={() => {
        if (environments.length === 0) return;
        update.mutate(
          { environments },
          { onSuccess: (saved) => toast.success(`Environments saved: ${saved.environments.join(", ")}`) },
        );
      }}
    >
      <div className="space-y-1.5">
        <ul
          aria-label="Environments"
          aria-describedby={listError ? "environments-list-error" : undefined}
          className="max-w-md divide-y divide-border rounded-lg border border-border"
        >
          {environments.map((name, index) => (
            <li key={name} className="flex items-center gap-3 px-3 py-2 text-sm">
              <span className="min-w-0 flex-1">
                <code className="font-mono font-medium">{name}</code>
                <span className="ml-2 text-xs text-muted-foreground">{environmentHint(name)}</span>
              </span>
              {index === 0 ? (
                <Badge tone="blue">Default</Badge>
              ) : (
                <Button
                  variant="ghost"
                  size="sm"
                  className="h-7 px-2 text-xs"
                  aria-label={`Make default: ${name}`}
                  onClick={() => setEnvironments([name, ...environments.filter((other) => other !== name)])}
                >
                  Make default
                </Button>
              )}
              <button
                type="button"
                aria-label={`Remove ${name}`}
                onClick={() => setEnvironments(environments.filter((other) => other !== name))}
                className="inline-flex h-7 w-7 items-center justify-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              >
                <X aria-hidden className="h-4 w-4" />
              </button>
            </li>
          ))}
          {environments.length === 0 ? (
            <li className="px-3 py-3 text-sm text-muted-foreground">No environment: add one before saving.</li>
          ) : null}
        </ul>
        {listError ? (
          <p id="environments-list-error" role="alert" className="text-sm text-danger">
            {listError}
          </p>
        ) : null}
      </div>
      <div className="flex max-w-md items-start gap-2">
        <div className="flex-1">
          <Field label="New environment" error={problem ?? undefined} hint="2–10 lowercase letters, such as prod">
            {(p) => (
              <Input
                {...p}
                value={draft}
                placeholder={SUGGESTIONS.find((name) => !environments.includes(name))}
                maxLength={10}
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
    </SettingsCard>
  );
}

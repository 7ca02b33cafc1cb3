"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Field, Input } from "@/components/ui/field";
import { SettingsCard } from "@/components/ui/settings-card";
import { keyPrefixSchema, type WorkspaceView } from "@/lib/api/schemas/workspaces";
import { previewKey } from "@/lib/keys/preview";
import { cardErrors, useUpdateWorkspace } from "./use-workspace-settings";

/** The prefix of new keys, with a live preview of a key in the real shape. */
export function KeyPrefixCard({ workspace }: { workspace: WorkspaceView }) {
  const update = useUpdateWorkspace(workspace.slug);
  const [prefix, setPrefix] = useState(workspace.keyPrefix);
  const checked = keyPrefixSchema.safeParse(prefix);
  const invalid =
    prefix.trim() === "" ? "Enter a prefix" : checked.success ? undefined : checked.error.issues[0]?.message;
  const errors = cardErrors(update.error, "keyPrefix");
  const preview = previewKey(
    checked.success ? checked.data : prefix.trim() || workspace.keyPrefix,
    workspace.environments[0],
  );

  return (
    <SettingsCard
      id="key-prefix"
      title="Key prefix"
      description="The first part of every new key, so that your keys are easy to recognise in code, logs and secret scanners."
      footer="Existing keys keep their prefix and keep working; only keys created from now on use the new one."
      dirty={prefix.trim() !== workspace.keyPrefix}
      pending={update.isPending}
      error={errors.form}
      onSave={() => {
        if (!checked.success) return;
        update.mutate(
          { keyPrefix: checked.data },
          { onSuccess: (saved) => toast.success(`New keys will start with ${saved.keyPrefix}_`) },
        );
      }}
    >
      <div className="max-w-xs">
        <Field label="Prefix" error={invalid ?? errors.field} hint="2–12 lowercase letters or digits">
          {(p) => (
            <Input
              {...p}
              value={prefix}
              onChange={(event) => setPrefix(event.target.value)}
              maxLength={12}
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
            />
          )}
        </Field>
      </div>
      <div className="space-y-2">
        <p className="text-sm font-medium">Preview</p>
        <p
          data-testid="key-prefix-preview"
          className={`break-all rounded-md border border-border bg-muted/40 px-3 py-2.5 font-mono text-sm ${invalid ? "opacity-50" : ""}`}
        >
          <span className="font-semibold text-primary">{preview.prefix}</span>
          <span>_{preview.environment}_</span>
          <span className="text-muted-foreground">{preview.random}</span>
          <span className="text-muted-foreground underline decoration-dotted underline-offset-4">
            {preview.checksum}
          </span>
        </p>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
          <li>
            <span className="font-semibold text-primary">{preview.prefix}</span> prefix
          </li>
          <li>
            environment (
            {workspace.environments.map((name, index) => (
              <span key={name}>
                <span className="font-mono text-foreground">{name}</span>
                {index < workspace.environments.length - 1 ? ", " : ""}
              </span>
            ))}
            )
          </li>
          <li>32 random characters</li>
          <li>
            <span className="underline decoration-dotted underline-offset-4">6-character checksum</span>
          </li>
        </ul>
        <p className="text-xs text-muted-foreground">
          Listed in the dashboard as <code className="font-mono text-foreground">{preview.masked}</code>. The secret
          itself is shown once, when a key is created.
        </p>
      </div>
    </SettingsCard>
  );
}

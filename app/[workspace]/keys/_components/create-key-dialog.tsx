"use client";

import { type FormEvent, useState } from "react";
import { foldAllowlistErrors, parseAllowlist } from "@/components/keys/ip-allowlist-field";
import { KeyAccessFields } from "@/components/keys/key-access-fields";
import { KeyDescriptionField, KeyNameField } from "@/components/keys/key-text-fields";
import { useCreateKey } from "@/components/keys/use-key-mutations";
import { Dialog, DialogContent, DialogFormFooter } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { type CreatedKeyView, type CreateKeyInput, createKeySchema } from "@/lib/api/schemas/keys";
import { ApiClientError } from "@/lib/client/api";
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from "@/lib/client/form-errors";
import type { Viewer } from "@/lib/keys/permissions";
import { EnvironmentField } from "./environment-field";
import { defaultExpiry, type ExpiryChoice, ExpiryField, expiryInput } from "./expiry-field";
import { KeyKindField, type NewKeyKind } from "./key-kind-field";

/** The workspace as the key page's dialogs need it (the prefix previews a new key, in one of its environments). */
export interface WorkspaceInfo {
  id: string;
  slug: string;
  name: string;
  keyPrefix: string;
  /** Where keys may be created; the first is preselected. */
  environments: string[];
  /** Keys must expire within this many days (null: no limit): the expiry choices respect it. */
  maxKeyLifetimeDays: number | null;
}

interface Draft {
  kind: NewKeyKind;
  name: string;
  description: string;
  environment: string;
  scopes: string[];
  expiry: ExpiryChoice;
  allowlist: string;
}

/** Least privilege by default: every read scope the viewer holds, nothing that writes. */
const newDraft = (viewer: Viewer, workspace: Pick<WorkspaceInfo, "environments" | "maxKeyLifetimeDays">): Draft => ({
  kind: "workspace",
  name: "",
  description: "",
  environment: workspace.environments[0] ?? "",
  scopes: viewer.scopes.filter((scope) => scope.endsWith(".read")),
  expiry: defaultExpiry(workspace.maxKeyLifetimeDays),
  allowlist: "",
});

interface CreateKeyDialogProps {
  workspace: WorkspaceInfo;
  viewer: Viewer;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (created: CreatedKeyView) => void;
}

/**
 * The create form is checked by the API's own schema before it is sent; whatever the
 * API still refuses comes back per field. Nothing typed is lost on an error.
 */
export function CreateKeyDialog({ workspace, viewer, open, onOpenChange, onCreated }: CreateKeyDialogProps) {
  const createKey = useCreateKey(workspace.slug);
  const [draft, setDraft] = useState(() => newDraft(viewer, workspace));
  const [errors, setErrors] = useState<FieldErrors>({});
  // A draft kept from before the workspace's environments changed falls back to the first.
  const environment = workspace.environments.includes(draft.environment)
    ? draft.environment
    : (workspace.environments[0] ?? draft.environment);
  const [formError, setFormError] = useState<string | null>(null);
  // Changing a field clears its error (the allowlist checks itself as it is typed).
  const edit = (change: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...change }));
    const fixed = Object.keys(change).flatMap((field) => (field === "expiry" ? ["expiresAt", "expiresIn"] : [field]));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !fixed.includes(field))));
  };

  // Esc or a click outside keeps the draft for next time; Cancel starts afresh.
  function cancel() {
    setDraft(newDraft(viewer, workspace));
    setErrors({});
    setFormError(null);
    onOpenChange(false);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input: CreateKeyInput = {
      name: draft.name,
      kind: draft.kind,
      description: draft.description.trim() || undefined,
      environment,
      scopes: draft.scopes,
      ipAllowlist: parseAllowlist(draft.allowlist).values,
      ...expiryInput(draft.expiry),
    };
    setFormError(null);
    const parsed = createKeySchema.safeParse(input);
    if (!parsed.success || (draft.expiry.preset === "custom" && !draft.expiry.date)) {
      const found = parsed.success ? {} : foldAllowlistErrors(zodFieldErrors(parsed.error), draft.allowlist);
      if (draft.expiry.preset === "custom" && !draft.expiry.date) found.expiresAt = "Pick the last day the key works";
      return setErrors(found);
    }
    setErrors({});
    createKey.mutate(input, {
      onSuccess: (created) => {
        createKey.reset(); // the secret must not linger in the mutation cache
        setDraft(newDraft(viewer, workspace));
        onCreated(created);
      },
      onError: (error) => {
        if (error instanceof ApiClientError) setErrors(foldAllowlistErrors(apiFieldErrors(error), draft.allowlist));
        setFormError(error.message);
      },
    });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Create API key"
        description={`A new key for ${draft.kind === "organization" ? `every workspace of ${workspace.name}'s organization` : workspace.name}. You will see its secret once, right after it is created.`}
        className="w-[min(94vw,40rem)]"
        showCloseButton
      >
        <form onSubmit={onSubmit} className="space-y-5" noValidate>
          <FormError message={formError} />
          <KeyNameField
            value={draft.name}
            onChange={(name) => edit({ name })}
            error={errors.name}
            hint="3–50 characters, e.g. “Production backend”"
            placeholder="Production backend"
            autoFocus
          />
          <KeyDescriptionField
            value={draft.description}
            onChange={(description) => edit({ description })}
            error={errors.description}
            placeholder="What uses this key?"
          />
          {viewer.canCreateOrgKeys ? (
            <KeyKindField value={draft.kind} onChange={(kind) => edit({ kind })} error={errors.kind} />
          ) : null}
          <div className="grid gap-5 sm:grid-cols-[3fr_2fr]">
            <EnvironmentField
              prefix={workspace.keyPrefix}
              environments={workspace.environments}
              value={environment}
              onChange={(environment) => edit({ environment })}
              error={errors.environment}
            />
            <ExpiryField
              maxDays={workspace.maxKeyLifetimeDays}
              value={draft.expiry}
              onChange={(expiry) => edit({ expiry })}
              error={errors.expiresAt ?? errors.expiresIn}
            />
          </div>
          <KeyAccessFields viewer={viewer} draft={draft} edit={edit} errors={errors} setErrors={setErrors} />
          <DialogFormFooter
            submitLabel="Create key"
            pendingLabel="Creating…"
            pending={createKey.isPending}
            onCancel={cancel}
            separated
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}

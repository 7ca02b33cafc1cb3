"use client";

import { type FormEvent, useId, useState } from "react";
import {
  RemoteKeyChangeAnnouncer,
  RemoteKeyChangeNotice,
  remoteChangeBlocks,
  useRemoteKeyChange,
} from "@/components/live/remote-key-change";
import { Dialog, DialogContent, DialogFormFooter } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { type KeyView, type UpdateKeyInput, updateKeySchema } from "@/lib/api/schemas/keys";
import { ApiClientError } from "@/lib/client/api";
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from "@/lib/client/form-errors";
import { scopesBeyond, type Viewer } from "@/lib/keys/permissions";
import { foldAllowlistErrors, parseAllowlist } from "./ip-allowlist-field";
import { KeyAccessFields } from "./key-access-fields";
import { changedExpiry, type ExpiryEdit, expiryEditOf, KeyExpiryEditField } from "./key-expiry-edit-field";
import { KeySummary } from "./key-summary";
import { KeyDescriptionField, KeyNameField } from "./key-text-fields";
import { useUpdateKey } from "./use-key-mutations";

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((item) => b.includes(item));

/** Only what changed goes into the PATCH, so an untouched field is never re-checked or overwritten. */
function changesFrom(key: KeyView, draft: Draft): UpdateKeyInput {
  const changes: UpdateKeyInput = {};
  if (draft.name.trim() !== key.name) changes.name = draft.name;
  if ((draft.description.trim() || null) !== key.description) changes.description = draft.description.trim() || null;
  if (!sameSet(draft.scopes, key.scopes)) changes.scopes = draft.scopes;
  const allowlist = parseAllowlist(draft.allowlist).values;
  if (!sameSet(allowlist, key.ipAllowlist)) changes.ipAllowlist = allowlist;
  if (draft.enabled !== key.enabled) changes.enabled = draft.enabled;
  const expiresAt = changedExpiry(key.expiresAt, draft.expiry);
  if (expiresAt !== undefined) changes.expiresAt = expiresAt;
  return changes;
}

interface Draft {
  name: string;
  description: string;
  scopes: string[];
  allowlist: string;
  enabled: boolean;
  expiry: ExpiryEdit;
}

/**
 * Edits a key in place; the table shows the change at once and puts the old values back
 * if the API refuses (useUpdateKey). The dialog stays open on an error, with the fields
 * as typed.
 */
export function EditKeyDialog({
  workspace,
  viewer,
  keyToEdit: key,
  onDone,
  onCloseAutoFocus,
}: {
  workspace: string;
  viewer: Viewer;
  keyToEdit: KeyView;
  onDone: () => void;
  /** Where focus goes when the dialog closes (the menu item that opened it is gone by then). */
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const update = useUpdateKey(workspace);
  const remoteChange = useRemoteKeyChange(key.id);
  const blocked = remoteChangeBlocks(remoteChange, "edit");
  const enabledLabel = useId();
  const [draft, setDraft] = useState<Draft>({
    name: key.name,
    description: key.description ?? "",
    scopes: key.scopes,
    allowlist: key.ipAllowlist.join("\n"),
    enabled: key.enabled,
    expiry: expiryEditOf(key.expiresAt),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  // Changing a field clears its error (the allowlist checks itself as it is typed).
  const edit = (change: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...change }));
    const fixed = Object.keys(change).map((field) => (field === "expiry" ? "expiresAt" : field));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !fixed.includes(field))));
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (blocked) return;
    setFormError(null);
    const changes = changesFrom(key, draft);
    if (Object.keys(changes).length === 0) return onDone();
    const parsed = updateKeySchema.safeParse(changes);
    if (!parsed.success) return setErrors(foldAllowlistErrors(zodFieldErrors(parsed.error), draft.allowlist));
    setErrors({});
    update.mutate(
      { id: key.id, changes },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (error instanceof ApiClientError) setErrors(foldAllowlistErrors(apiFieldErrors(error), draft.allowlist));
          setFormError(error.message);
        },
      },
    );
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onDone()}>
      <DialogContent
        onCloseAutoFocus={onCloseAutoFocus}
        title={`Edit ${key.name}`}
        description="Changes apply to the next request made with this key."
        className="w-[min(94vw,40rem)]"
        showCloseButton
      >
        <form onSubmit={onSubmit} className="space-y-5" noValidate>
          <RemoteKeyChangeNotice change={remoteChange} action="edit" />
          <FormError message={formError} />
          <KeySummary keyView={key} />
          <KeyNameField value={draft.name} onChange={(name) => edit({ name })} error={errors.name} />
          <KeyDescriptionField
            value={draft.description}
            onChange={(description) => edit({ description })}
            error={errors.description}
          />
          <div className="flex items-start justify-between gap-4 rounded-lg border border-border px-3 py-2.5">
            <div>
              <p id={enabledLabel} className="text-sm font-medium">
                Enabled
              </p>
              <p className="text-xs text-muted-foreground">
                A disabled key is refused (code DISABLED) until it is enabled again. Unlike revoking, this can be
                undone.
              </p>
            </div>
            <Switch
              checked={draft.enabled}
              onCheckedChange={(enabled) => edit({ enabled })}
              aria-labelledby={enabledLabel}
            />
          </div>
          {/* A rotated key ends with its grace period: its expiry is not its own to change. */}
          {key.rotatedAt ? null : (
            <KeyExpiryEditField value={draft.expiry} onChange={(expiry) => edit({ expiry })} error={errors.expiresAt} />
          )}
          <KeyAccessFields
            viewer={viewer}
            locked={scopesBeyond(viewer, key.scopes)}
            draft={draft}
            edit={edit}
            errors={errors}
            setErrors={setErrors}
          />
          <DialogFormFooter
            submitLabel="Save changes"
            pendingLabel="Saving…"
            pending={update.isPending}
            blocked={blocked}
            separated
          />
        </form>
        <RemoteKeyChangeAnnouncer change={remoteChange} action="edit" />
      </DialogContent>
    </Dialog>
  );
}

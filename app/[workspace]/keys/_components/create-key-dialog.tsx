"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { type CreatedKeyView, type CreateKeyInput, createKeySchema } from "@/lib/api/schemas/keys";
import { ApiClientError } from "@/lib/client/api";
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from "@/lib/client/form-errors";
import type { WorkspaceInfo } from "./keys-view";
import { useCreateKey } from "./use-keys";

const EXPIRY_LABELS = {
  "15d": "15 days",
  "25d": "25 days",
  "45d": "45 days",
  "90d": "90 days",
  "6m": "6 months",
  "1y": "1 year",
  never: "Never",
} as const;

interface CreateKeyDialogProps {
  workspace: WorkspaceInfo;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (created: CreatedKeyView) => void;
}

export function CreateKeyDialog({ workspace, open, onOpenChange, onCreated }: CreateKeyDialogProps) {
  const createKey = useCreateKey(workspace.slug);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? "") || undefined,
      environment: form.get("environment") as "live" | "test",
      expiresIn: form.get("expiresIn") as CreateKeyInput["expiresIn"],
    };
    // The API's own schema checks the form first; the API sends back any field it refuses.
    const parsed = createKeySchema.safeParse(input);
    setFormError(null);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    createKey.mutate(input, {
      onSuccess: (created) => {
        createKey.reset(); // the secret must not linger in the mutation cache
        onCreated(created);
      },
      onError: (error) => {
        if (error instanceof ApiClientError) setErrors(apiFieldErrors(error));
        setFormError(error.message);
      },
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          setErrors({});
          setFormError(null);
        }
        onOpenChange(next);
      }}
    >
      <DialogContent
        title="Create API key"
        description={`A new key for ${workspace.name}. You will see its secret once.`}
      >
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <FormError message={formError} />
          <Field label="Name" error={errors.name} hint="3–50 characters, e.g. “Production backend”">
            {(p) => <Input {...p} name="name" autoFocus maxLength={50} placeholder="Production backend" />}
          </Field>
          <Field label="Description (optional)" error={errors.description}>
            {(p) => <Input {...p} name="description" maxLength={500} placeholder="What uses this key?" />}
          </Field>
          <div className="grid grid-cols-2 gap-4">
            <Field label="Environment" error={errors.environment}>
              {(p) => (
                <Select {...p} name="environment" defaultValue="live">
                  <option value="live">Live</option>
                  <option value="test">Test</option>
                </Select>
              )}
            </Field>
            <Field label="Expires" error={errors.expiresIn}>
              {(p) => (
                <Select {...p} name="expiresIn" defaultValue="90d">
                  {Object.entries(EXPIRY_LABELS).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          <div className="flex justify-end gap-2 pt-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={createKey.isPending}>
              {createKey.isPending ? "Creating…" : "Create key"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

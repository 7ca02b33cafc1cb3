"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { readWorkspaceForm, WorkspaceFields } from "@/components/workspace/workspace-fields";
import { createWorkspaceSchema } from "@/lib/api/schemas/workspaces";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from "@/lib/client/form-errors";

export function CreateWorkspaceForm({ organization }: { organization: { id: string; name: string } | null }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createWorkspaceSchema.safeParse({
      ...readWorkspaceForm(new FormData(event.currentTarget)),
      ...(organization ? { organizationId: organization.id } : {}),
    });
    setErrors(parsed.success ? {} : zodFieldErrors(parsed.error));
    setFormError(null);
    if (!parsed.success) return;
    setPending(true);
    try {
      const created = await apiFetch<{ slug: string }>("/api/v1/workspaces", { method: "POST", body: parsed.data });
      router.replace(`/${created.slug}/keys`);
      router.refresh();
    } catch (error) {
      if (!(error instanceof ApiClientError)) throw error;
      setErrors(apiFieldErrors(error));
      setFormError(error.message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <h1 className="text-lg font-semibold">Create a workspace</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          A workspace holds its own keys, members and audit log. You will be its owner
          {organization ? (
            <>
              , in the organization <strong className="font-medium text-foreground">{organization.name}</strong>
            </>
          ) : null}
          .
        </p>
      </div>
      <FormError message={formError} />
      <WorkspaceFields errors={errors} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create workspace"}
      </Button>
    </form>
  );
}

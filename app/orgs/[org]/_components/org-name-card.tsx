"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { NameField } from "@/components/ui/name-field";
import { SettingsCard } from "@/components/ui/settings-card";
import { type OrgDetailView, updateOrgSchema } from "@/lib/api/schemas/orgs";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { zodFieldErrors } from "@/lib/client/form-errors";

export function OrgNameCard({ org }: { org: OrgDetailView }) {
  const router = useRouter();
  const [name, setName] = useState(org.name);
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function save() {
    const parsed = updateOrgSchema.safeParse({ name });
    setError(parsed.success ? undefined : zodFieldErrors(parsed.error).name);
    setFormError(null);
    if (!parsed.success) return;
    setPending(true);
    try {
      const saved = await apiFetch<{ name: string }>(`/api/v1/orgs/${org.id}`, { method: "PATCH", body: parsed.data });
      toast.success(`Organization renamed to ${saved.name}`);
      router.refresh();
    } catch (caught) {
      if (!(caught instanceof ApiClientError)) throw caught;
      setError(caught.fieldError("name"));
      setFormError(caught.message);
    } finally {
      setPending(false);
    }
  }

  return (
    <SettingsCard
      id="org-name"
      title="Organization name"
      description={
        <>
          Its URL name is <code className="font-mono">{org.slug}</code>; clients may send either it or{" "}
          <code className="font-mono">{org.id}</code> as <code className="font-mono">x-organization-id</code>.
        </>
      }
      footer="2 to 60 characters."
      dirty={name.trim() !== org.name}
      pending={pending}
      error={formError}
      onSave={save}
    >
      <div className="max-w-md">
        <NameField
          value={name}
          onChange={(value) => {
            setName(value);
            setError(undefined);
          }}
          error={error}
          autoComplete="organization"
        />
      </div>
    </SettingsCard>
  );
}

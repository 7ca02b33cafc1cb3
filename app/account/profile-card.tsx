"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Field, Input } from "@/components/ui/field";
import { NameField } from "@/components/ui/name-field";
import { SettingsCard } from "@/components/ui/settings-card";
import { updateProfileSchema } from "@/lib/api/schemas/users";
import { authClient } from "@/lib/auth/client";

/** Your name (editable through better-auth) and your email (the sign-in identity, fixed). */
export function ProfileCard({ user }: { user: { name: string; email: string } }) {
  const router = useRouter();
  const [saved, setSaved] = useState(user.name);
  const [name, setName] = useState(user.name);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const dirty = name.trim() !== saved;

  async function save() {
    const parsed = updateProfileSchema.safeParse({ name });
    setFieldError(parsed.success ? undefined : parsed.error.issues[0]?.message);
    setFormError(null);
    if (!parsed.success) return;
    setPending(true);
    const { error } = await authClient.updateUser({ name: parsed.data.name });
    setPending(false);
    if (error) return setFormError(error.message ?? "Could not save your name");
    setSaved(parsed.data.name);
    setName(parsed.data.name);
    toast.success("Your name was updated");
    router.refresh();
  }

  return (
    <SettingsCard
      id="profile"
      title="Profile"
      description="Your name appears on the keys you create, in member lists and in the audit log."
      footer="Everyone in your workspaces sees the new name at once."
      dirty={dirty}
      pending={pending}
      error={formError}
      onSave={save}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <NameField
          value={name}
          onChange={(value) => {
            setName(value);
            setFieldError(undefined);
          }}
          error={fieldError}
          autoComplete="name"
          maxLength={120}
        />
        <Field label="Email" hint="You sign in with this address; it cannot be changed.">
          {(p) => <Input {...p} value={user.email} readOnly className="bg-muted/50 text-muted-foreground" />}
        </Field>
      </div>
    </SettingsCard>
  );
}

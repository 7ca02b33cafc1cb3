"use client";

import { useState } from "react";
import { Field, Input } from "@/components/ui/field";
import { slugify } from "@/lib/api/schemas/workspaces";
import type { FieldErrors } from "@/lib/client/form-errors";
import { previewKey } from "@/lib/keys/preview";

/** Name, URL name and key prefix of a new workspace, with a preview of its keys' look. */
export function WorkspaceFields({ errors }: { errors: FieldErrors }) {
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [prefix, setPrefix] = useState("sk");
  const shownSlug = slugEdited ? slug : slugify(name);

  return (
    <>
      <Field label="Workspace name" error={errors.name}>
        {(p) => (
          <Input
            {...p}
            name="workspaceName"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Acme Inc."
            required
          />
        )}
      </Field>
      <Field label="Workspace URL" error={errors.slug} hint={`/${shownSlug || "your-workspace"}/keys`}>
        {(p) => (
          <Input
            {...p}
            name="slug"
            value={shownSlug}
            onChange={(e) => {
              setSlugEdited(true);
              setSlug(e.target.value);
            }}
            placeholder="acme"
            required
          />
        )}
      </Field>
      <Field
        label="Key prefix"
        error={errors.keyPrefix}
        hint={
          <>
            Keys will look like <code className="font-mono">{previewKey(prefix || "sk").masked}</code>
          </>
        }
      >
        {(p) => (
          <Input
            {...p}
            name="keyPrefix"
            value={prefix}
            onChange={(e) => setPrefix(e.target.value)}
            maxLength={12}
            required
          />
        )}
      </Field>
    </>
  );
}

export function readWorkspaceForm(form: FormData) {
  return {
    name: String(form.get("workspaceName") ?? ""),
    slug: String(form.get("slug") ?? ""),
    keyPrefix: String(form.get("keyPrefix") ?? ""),
  };
}

"use client";

import type { Dispatch, SetStateAction } from "react";
import type { FieldErrors } from "@/lib/client/form-errors";
import type { Viewer } from "@/lib/keys/permissions";
import { allowlistErrorSetter, IpAllowlistField } from "./ip-allowlist-field";
import { ScopePicker } from "./scope-picker";

/** What a key may do and from where: its scopes and IP allowlist, as the create and edit dialogs ask. */
export function KeyAccessFields({
  viewer,
  locked,
  draft,
  edit,
  errors,
  setErrors,
}: {
  viewer: Viewer;
  /** Scopes the key holds beyond the viewer's ceiling (editing someone else's key). */
  locked?: string[];
  draft: { scopes: string[]; allowlist: string };
  edit: (change: { scopes: string[] } | { allowlist: string }) => void;
  errors: FieldErrors;
  setErrors: Dispatch<SetStateAction<FieldErrors>>;
}) {
  return (
    <>
      <ScopePicker
        grantable={viewer.scopes}
        locked={locked}
        value={draft.scopes}
        onChange={(scopes) => edit({ scopes })}
        error={errors.scopes}
      />
      <IpAllowlistField
        value={draft.allowlist}
        onChange={(allowlist) => edit({ allowlist })}
        error={errors.ipAllowlist}
        onErrorChange={allowlistErrorSetter(setErrors)}
      />
    </>
  );
}

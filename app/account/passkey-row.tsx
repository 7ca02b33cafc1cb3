"use client";

import { KeyRound } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { useRemovePasskey, useRenamePasskey } from "./use-passkeys";

export interface PasskeyItem {
  id: string;
  name?: string | null;
  createdAt?: Date | string | null;
}

/** One passkey: its name (renamed in place) and its removal, confirmed on a second click. */
export function PasskeyRow({ passkey }: { passkey: PasskeyItem }) {
  const rename = useRenamePasskey();
  const remove = useRemovePasskey();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const name = passkey.name || "Unnamed passkey";
  const added = passkey.createdAt ? new Date(passkey.createdAt).toLocaleDateString() : null;

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    if (!next || next === passkey.name) return setEditing(false);
    rename.mutate({ id: passkey.id, name: next }, { onSuccess: () => setEditing(false) });
  }

  return (
    <li className="flex flex-wrap items-center gap-3 py-3" data-testid="passkey">
      <KeyRound aria-hidden className="h-4 w-4 shrink-0 text-muted-foreground" />
      {editing ? (
        <form onSubmit={save} className="flex flex-1 flex-wrap items-center gap-2">
          <Input name="name" defaultValue={passkey.name ?? ""} aria-label="Passkey name" maxLength={60} autoFocus />
          <Button type="submit" size="sm" disabled={rename.isPending}>
            Save
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-medium">{name}</p>
          {added ? <p className="text-xs text-muted-foreground">Added {added}</p> : null}
        </div>
      )}
      {!editing && !confirming ? (
        <div className="flex gap-1">
          <Button size="sm" variant="ghost" onClick={() => setEditing(true)} aria-label={`Rename ${name}`}>
            Rename
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={`Remove ${name}`}>
            Remove
          </Button>
        </div>
      ) : null}
      {confirming ? (
        <div className="flex gap-1">
          <Button
            size="sm"
            variant="danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate({ id: passkey.id })}
          >
            {remove.isPending ? "Removing…" : "Remove passkey"}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
            Keep
          </Button>
        </div>
      ) : null}
      {rename.error || remove.error ? (
        <p role="alert" className="w-full text-sm text-danger">
          {(rename.error ?? remove.error)?.message}
        </p>
      ) : null}
    </li>
  );
}

"use client";

import { type FormEvent, useState } from "react";
import { AccountCard } from "@/components/ui/account-card";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { LoadError } from "@/components/ui/load-error";
import { PasskeyRow } from "./passkey-row";
import { useAddPasskey, usePasskeys } from "./use-passkeys";

/** WebAuthn passkeys through better-auth's passkey plugin: each one signs in on its own, without the password. */
export function PasskeysCard() {
  const passkeys = usePasskeys();
  const add = useAddPasskey();
  const [fieldError, setFieldError] = useState<string | undefined>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "").trim();
    setFieldError(name ? undefined : "Name it after the device, e.g. Work laptop");
    if (name) add.mutate({ name }, { onSuccess: () => form.reset() });
  }

  const list = passkeys.data ?? [];
  return (
    <AccountCard
      id="passkeys"
      title="Passkeys"
      description="Sign in with your device's fingerprint, face or PIN, or a security key, instead of a password. A passkey also counts as two-factor."
    >
      {passkeys.error ? (
        <LoadError
          title="Could not load your passkeys"
          error={passkeys.error}
          onRetry={() => void passkeys.refetch()}
          retrying={passkeys.isFetching}
        />
      ) : null}
      {passkeys.isSuccess && list.length === 0 ? (
        <p className="text-sm text-muted-foreground">No passkeys yet.</p>
      ) : (
        <ul aria-label="Your passkeys" className="divide-y divide-border">
          {list.map((passkey) => (
            <PasskeyRow key={passkey.id} passkey={passkey} />
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="space-y-3" noValidate>
        <FormError message={add.error?.message} />
        <div className="flex flex-wrap items-end gap-3">
          <div className="min-w-60 flex-1">
            <Field label="New passkey's name" error={fieldError}>
              {(p) => <Input {...p} name="name" maxLength={60} placeholder="e.g. Work laptop" />}
            </Field>
          </div>
          <Button type="submit" variant="secondary" disabled={add.isPending}>
            {add.isPending ? "Waiting for your device…" : "Add a passkey"}
          </Button>
        </div>
      </form>
    </AccountCard>
  );
}

"use client";

import { addMilliseconds, addSeconds, format } from "date-fns";
import { type FormEvent, useState } from "react";
import {
  RemoteKeyChangeAnnouncer,
  RemoteKeyChangeNotice,
  remoteChangeBlocks,
  useRemoteKeyChange,
} from "@/components/live/remote-key-change";
import { Dialog, DialogContent, DialogFormFooter } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { type OptionCard, OptionCards } from "@/components/ui/option-cards";
import type { CreatedKeyView, KeyView, RotateExpiryMode } from "@/lib/api/schemas/keys";
import { KeySummary } from "./key-summary";
import { useRotateKey } from "./use-key-mutations";

/** Grace periods the API accepts (gracePeriodSchema), with their length for the preview. */
const GRACE_PERIODS = [
  { value: "0", seconds: 0, label: "Immediately", hint: "The old key stops working now" },
  { value: "1h", seconds: 3600, label: "1 hour", hint: "Time for a quick redeploy" },
  { value: "24h", seconds: 86_400, label: "24 hours", hint: "Time to roll out everywhere" },
  { value: "7d", seconds: 604_800, label: "7 days", hint: "For keys spread far and wide" },
] as const;

/** "45-day", "12-hour": the length of a key's expiry window, in whole days (hours or minutes when shorter). */
function windowLength(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes >= 24 * 60) return `${Math.round(minutes / (24 * 60))}-day`;
  if (minutes >= 60) return `${Math.round(minutes / 60)}-hour`;
  return `${minutes}-minute`;
}

/**
 * The replacement's expiry (rotateKeySchema's `expiry`): the same date, or a fresh window of the
 * same length. Only keys that expire have the choice; an expired key has no date left to keep.
 */
function expiryChoice(key: KeyView, now: Date) {
  if (!key.expiresAt) return null;
  const expiresAt = new Date(key.expiresAt);
  const window = key.expiryWindowMs ?? expiresAt.getTime() - new Date(key.createdAt).getTime();
  const length = windowLength(window);
  const renewedUntil = format(addMilliseconds(now, window), "PPp");
  return {
    expired: expiresAt <= now,
    length,
    renewedUntil,
    options: [
      { value: "keep", label: `Keep the expiry date ${format(expiresAt, "PPp")}`, hint: "The same date as this key" },
      {
        value: "renew",
        label: `Start a new ${length} window, until ${renewedUntil}`,
        hint: "This key's length, from now",
      },
    ] satisfies OptionCard<RotateExpiryMode>[],
  };
}

/** When the old key stops working: after the grace period, or at its own expiry if that comes first. */
function oldKeyEnd(key: KeyView, graceSeconds: number): Date {
  const graceEnd = addSeconds(new Date(), graceSeconds);
  return key.expiresAt && new Date(key.expiresAt) < graceEnd ? new Date(key.expiresAt) : graceEnd;
}

/** A new secret with the same name, scopes and settings; the old one may live on for a grace period. */
export function RotateKeyDialog({
  workspace,
  keyToRotate,
  onDone,
  onCloseAutoFocus,
  onRotated,
}: {
  workspace: string;
  keyToRotate: KeyView;
  onDone: () => void;
  /** Where focus goes when the dialog closes (the menu item that opened it is gone by then). */
  onCloseAutoFocus?: (event: Event) => void;
  onRotated: (rotated: CreatedKeyView, previous: KeyView) => void;
}) {
  const rotate = useRotateKey(workspace);
  const remoteChange = useRemoteKeyChange(keyToRotate.id);
  const blocked = remoteChangeBlocks(remoteChange, "rotate");
  const [grace, setGrace] = useState<(typeof GRACE_PERIODS)[number]["value"]>("24h");
  const chosen = GRACE_PERIODS.find((period) => period.value === grace) ?? GRACE_PERIODS[0];
  const [choice] = useState(() => expiryChoice(keyToRotate, new Date()));
  const [expiry, setExpiry] = useState<RotateExpiryMode>(choice?.expired ? "renew" : "keep");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (blocked) return;
    rotate.mutate(
      { key: keyToRotate, gracePeriod: grace, expiry },
      {
        onSuccess: ({ previous, ...rotated }) => {
          rotate.reset(); // the new secret must not linger in the mutation cache
          onRotated(rotated, previous);
        },
      },
    );
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onDone()}>
      <DialogContent
        onCloseAutoFocus={onCloseAutoFocus}
        title={`Rotate ${keyToRotate.name}?`}
        description="A new secret replaces this key, with the same name, scopes and allowlist."
      >
        <form onSubmit={onSubmit} className="space-y-4">
          <RemoteKeyChangeNotice change={remoteChange} action="rotate" />
          <FormError message={rotate.error?.message} />
          <KeySummary keyView={keyToRotate} />
          {choice && !choice.expired ? (
            <OptionCards
              legend="The new key expires"
              name="expiry"
              options={choice.options}
              value={expiry}
              onChange={setExpiry}
            />
          ) : choice ? (
            <p className="text-sm text-muted-foreground">
              This key has expired, so the new key starts a new {choice.length} window, until {choice.renewedUntil}.
            </p>
          ) : null}
          <OptionCards
            legend="Keep the old key working for"
            name="gracePeriod"
            options={GRACE_PERIODS}
            value={grace}
            onChange={setGrace}
          />
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {chosen.seconds === 0
              ? "Requests with the old key are refused as soon as you rotate."
              : `The old key keeps working until ${format(oldKeyEnd(keyToRotate, chosen.seconds), "PPp")}, then expires.`}
          </p>
          <DialogFormFooter
            submitLabel="Rotate key"
            pendingLabel="Rotating…"
            pending={rotate.isPending}
            blocked={blocked}
          />
        </form>
        <RemoteKeyChangeAnnouncer change={remoteChange} action="rotate" />
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { format } from "date-fns";
import { useRef, useState } from "react";
import { type RevealableKey, RevealKeyDialog } from "@/components/keys/reveal-key-dialog";
import type { KeyView } from "@/lib/api/schemas/keys";
import type { Viewer } from "@/lib/keys/permissions";
import { EditKeyDialog } from "./edit-key-dialog";
import type { KeyAction } from "./key-row-actions";
import { RevokeKeyDialog } from "./revoke-key-dialog";
import { RotateKeyDialog } from "./rotate-key-dialog";

export type KeyActing = { action: KeyAction; key: KeyView } | null;
/** Which dialog closed: an action's (cancelled or done), a confirmed revocation's, or a rotation's reveal. */
export type DialogClosing = KeyAction | "revoked" | "reveal";
type Rotated = RevealableKey & { id: string; previous: KeyView };

/**
 * The edit, rotate and revoke dialogs for one key, and the one-time reveal of the secret
 * a rotation makes. The key table and the key's own page open them alike; each says where
 * focus lands when a dialog closes (`focusAfter`: the key acted on, or the new key after
 * a rotation's reveal), since the control that opened it may be gone by then.
 */
export function KeyActionDialogs({
  workspace,
  viewer,
  acting,
  onActingDone,
  focusAfter,
  onRotationRevealed,
}: {
  workspace: string;
  viewer: Viewer;
  acting: KeyActing;
  onActingDone: () => void;
  focusAfter: (keyId: string, closing: DialogClosing) => (event: Event) => void;
  /** After the new secret's reveal is closed, with the new key's id. */
  onRotationRevealed?: (newKeyId: string) => void;
}) {
  const [rotated, setRotated] = useState<Rotated | null>(null);
  // Set as the revoke dialog closes, read when it hands focus back just after.
  const revoked = useRef(false);
  const key = acting?.key;

  return (
    <>
      {key && acting.action === "edit" ? (
        <EditKeyDialog
          key={key.id}
          workspace={workspace}
          viewer={viewer}
          keyToEdit={key}
          onDone={onActingDone}
          onCloseAutoFocus={focusAfter(key.id, "edit")}
        />
      ) : null}
      {key && acting.action === "rotate" ? (
        <RotateKeyDialog
          key={key.id}
          workspace={workspace}
          keyToRotate={key}
          onDone={onActingDone}
          onCloseAutoFocus={focusAfter(key.id, "rotate")}
          onRotated={(created, previous) => {
            onActingDone();
            setRotated({ ...created, previous });
          }}
        />
      ) : null}
      {key && acting.action === "revoke" ? (
        <RevokeKeyDialog
          key={key.id}
          workspace={workspace}
          keyToRevoke={key}
          onDone={(confirmed) => {
            revoked.current = confirmed;
            onActingDone();
          }}
          onCloseAutoFocus={(event) => focusAfter(key.id, revoked.current ? "revoked" : "revoke")(event)}
        />
      ) : null}
      <RevealKeyDialog
        created={rotated}
        onDone={() => {
          const newKeyId = rotated?.id;
          setRotated(null);
          if (newKeyId) onRotationRevealed?.(newKeyId);
        }}
        onCloseAutoFocus={rotated ? focusAfter(rotated.id, "reveal") : undefined}
        description={rotated ? <RotationNote previous={rotated.previous} /> : undefined}
      />
    </>
  );
}

function RotationNote({ previous }: { previous: KeyView }) {
  const until = previous.status === "in_grace" && previous.expiresAt ? new Date(previous.expiresAt) : null;
  return (
    <>
      This is the only time the new secret is shown.{" "}
      {until
        ? `The old key (${previous.maskedKey}) keeps working until ${format(until, "PPp")}.`
        : `The old key (${previous.maskedKey}) no longer works.`}
    </>
  );
}

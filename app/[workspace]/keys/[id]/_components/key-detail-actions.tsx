"use client";

import { Pencil, RefreshCw, Trash2 } from "lucide-react";
import type { DialogClosing } from "@/components/keys/key-action-dialogs";
import type { KeyAction } from "@/components/keys/key-row-actions";
import { Button } from "@/components/ui/button";
import { handOffFocus } from "@/components/ui/hand-off-focus";
import { useHydrated } from "@/components/ui/use-hydrated";

const ACTIONS = {
  edit: { label: "Edit", Icon: Pencil },
  rotate: { label: "Rotate", Icon: RefreshCw },
  revoke: { label: "Revoke", Icon: Trash2 },
} as const;

/** A button that goes while focused (the key was revoked or rotated meanwhile) hands focus to the heading. */
const focusHeading = handOffFocus((node) => node.ownerDocument.querySelector<HTMLElement>("[data-key-heading]"));

/** The key page's own edit, rotate and revoke buttons, the same actions as the table's row menu. */
export function KeyDetailActions({
  actions,
  onAction,
}: {
  actions: KeyAction[];
  onAction: (action: KeyAction) => void;
}) {
  const hydrated = useHydrated();
  if (actions.length === 0) return null;
  return (
    <div className="flex shrink-0 flex-wrap gap-2">
      {actions.map((action) => {
        const { label, Icon } = ACTIONS[action];
        return (
          <Button
            key={action}
            ref={focusHeading}
            variant="secondary"
            size="sm"
            data-key-action={action}
            disabled={!hydrated}
            className={action === "revoke" ? "text-danger hover:bg-danger/10" : undefined}
            onClick={() => onAction(action)}
          >
            <Icon aria-hidden className="h-4 w-4" /> {label}
          </Button>
        );
      })}
    </div>
  );
}

/**
 * Where focus lands when a key page's dialog closes: back on the button that opened it,
 * or on the heading once the key was revoked (its buttons go) or a reveal was closed.
 */
export function focusDetailAction(closing: DialogClosing) {
  return (event: Event) => {
    event.preventDefault();
    const button =
      closing === "revoked" || closing === "reveal"
        ? null
        : document.querySelector<HTMLElement>(`[data-key-action="${closing}"]`);
    (button ?? document.querySelector<HTMLElement>("[data-key-heading]"))?.focus();
  };
}

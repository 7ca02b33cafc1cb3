"use client";

import { MoreHorizontal, Pencil, RefreshCw, Trash2 } from "lucide-react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { handOffFocus } from "@/components/ui/hand-off-focus";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { KeyView } from "@/lib/api/schemas/keys";

export type KeyAction = "edit" | "rotate" | "revoke";

/** A row whose menu goes (its key was revoked meanwhile) keeps focus on its own link. */
const focusRowLink = handOffFocus((node) => node.closest("tr")?.querySelector<HTMLElement>("a[href]"));

/** What can still be done to a key: nothing once revoked; a rotated key cannot be rotated again. */
export function availableActions(key: KeyView): KeyAction[] {
  if (key.status === "revoked") return [];
  return key.rotatedAt ? ["edit", "revoke"] : ["edit", "rotate", "revoke"];
}

export function KeyRowActions({
  keyView,
  actions,
  onAction,
}: {
  keyView: KeyView;
  actions: KeyAction[];
  onAction: (action: KeyAction, key: KeyView) => void;
}) {
  const hydrated = useHydrated();
  if (actions.length === 0) return <span className="block h-8 w-8" />;
  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger
        ref={focusRowLink}
        aria-label={`Actions for ${keyView.name}`}
        // The rows arrive in the first HTML: a click before hydration would be lost.
        disabled={!hydrated}
        data-row-actions
        className="inline-flex h-8 w-8 items-center justify-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground disabled:opacity-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring data-[state=open]:bg-muted"
      >
        <MoreHorizontal aria-hidden className="h-4 w-4" />
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        {actions.includes("edit") ? (
          <DropdownMenuItem onSelect={() => onAction("edit", keyView)}>
            <Pencil aria-hidden className="h-4 w-4" /> Edit
          </DropdownMenuItem>
        ) : null}
        {actions.includes("rotate") ? (
          <DropdownMenuItem onSelect={() => onAction("rotate", keyView)}>
            <RefreshCw aria-hidden className="h-4 w-4" /> Rotate
          </DropdownMenuItem>
        ) : null}
        {actions.includes("revoke") ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem danger onSelect={() => onAction("revoke", keyView)}>
              <Trash2 aria-hidden className="h-4 w-4" /> Revoke
            </DropdownMenuItem>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/cn";
import { Button, type ButtonProps } from "./button";

export const Dialog = RadixDialog.Root;
export const DialogClose = RadixDialog.Close;

interface DialogContentProps extends ComponentProps<typeof RadixDialog.Content> {
  title: string;
  description?: ReactNode;
  /** An × in the corner (named "Close"); Esc and a click outside close the dialog either way. */
  showCloseButton?: boolean;
}

/** A modal that traps focus, closes on Esc, is labelled by its title and scrolls when taller than the screen. */
export function DialogContent({
  title,
  description,
  showCloseButton = false,
  className,
  children,
  ...props
}: DialogContentProps) {
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/50 backdrop-blur-[1px]" />
      <RadixDialog.Content
        className={cn(
          "fixed left-1/2 top-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[min(92vw,32rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl border border-border bg-card p-6 shadow-xl focus:outline-none",
          className,
        )}
        {...(description ? {} : { "aria-describedby": undefined })}
        {...props}
      >
        <RadixDialog.Title className={cn("text-lg font-semibold", showCloseButton && "pr-8")}>
          {title}
        </RadixDialog.Title>
        {description ? (
          <RadixDialog.Description className="mt-1 text-sm text-muted-foreground">
            {description}
          </RadixDialog.Description>
        ) : null}
        <div className="mt-4">{children}</div>
        {showCloseButton ? (
          <RadixDialog.Close
            aria-label="Close"
            className="absolute right-4 top-4 inline-flex h-8 w-8 items-center justify-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            <X aria-hidden className="h-4 w-4" />
          </RadixDialog.Close>
        ) : null}
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}

/**
 * A form dialog's Cancel and submit buttons. Cancel closes the dialog, or calls onCancel when
 * closing should also reset the form; the submit button is disabled and relabelled while pending.
 */
export function DialogFormFooter({
  submitLabel,
  pendingLabel,
  pending,
  variant = "primary",
  holdWhilePending = false,
  onCancel,
  separated = false,
  blocked = false,
}: {
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  variant?: ButtonProps["variant"];
  /** Cancel is disabled while the request runs, for dialogs that cannot be closed mid-request. */
  holdWhilePending?: boolean;
  onCancel?: () => void;
  /** A rule above the buttons, for long forms. */
  separated?: boolean;
  /** Nothing left to submit (the thing was changed under the dialog): submit is disabled and Cancel says Close. */
  blocked?: boolean;
}) {
  const cancel = blocked ? "Close" : "Cancel";
  return (
    <div className={cn("flex justify-end gap-2", separated && "border-t border-border pt-4")}>
      {onCancel ? (
        <Button variant="secondary" onClick={onCancel}>
          {cancel}
        </Button>
      ) : (
        <DialogClose asChild>
          <Button variant="secondary" disabled={holdWhilePending && pending}>
            {cancel}
          </Button>
        </DialogClose>
      )}
      <Button type="submit" variant={variant} disabled={pending || blocked}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </div>
  );
}

"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogClose, DialogContent, DialogFormFooter } from "@/components/ui/dialog";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { ROLE_LABELS, withArticle } from "@/components/workspace/role-badge";
import { type InvitationView, inviteMemberSchema } from "@/lib/api/schemas/members";
import { isRole, type Role } from "@/lib/auth/scopes";
import { ApiClientError } from "@/lib/client/api";
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from "@/lib/client/form-errors";
import { invitableRoles, ROLE_DESCRIPTIONS } from "@/lib/members/permissions";
import { useInvite } from "./use-members";

/**
 * Email + role → an invitation. With mail on (SMTP_URL) the invitee is emailed the link; either
 * way the dialog shows it for the admin to copy, so a lost mail loses nothing. Mount with a
 * fresh key to reset.
 */
export function InviteDialog({
  workspace,
  workspaceName,
  viewerRole,
  mailsInvitations,
  open,
  onOpenChange,
}: {
  workspace: string;
  workspaceName: string;
  viewerRole: Role;
  /** The server sends invitation mail (SMTP_URL is set). */
  mailsInvitations: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const invite = useInvite(workspace);
  const roles = invitableRoles(viewerRole);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("member");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<InvitationView | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = inviteMemberSchema.safeParse({ email, role });
    setErrors(parsed.success ? {} : zodFieldErrors(parsed.error));
    if (!parsed.success) return;
    invite.mutate(parsed.data, {
      onSuccess: setCreated,
      onError: (error) => {
        if (!(error instanceof ApiClientError)) return;
        const fields = apiFieldErrors(error);
        // "Already a member" / "already invited" are about the address typed.
        setErrors(Object.keys(fields).length === 0 && error.code === "CONFLICT" ? { email: error.message } : fields);
      },
    });
  }

  const formError = invite.error && Object.keys(errors).length === 0 ? invite.error.message : null;

  return (
    <Dialog open={open} onOpenChange={(next) => !invite.isPending && onOpenChange(next)}>
      {created ? (
        <DialogContent
          title={mailsInvitations ? "Invitation sent" : "Invitation created"}
          description={
            mailsInvitations
              ? `We emailed this link to ${created.email}. It works once, for that address only, and expires in 7 days.`
              : `Send this link to ${created.email}. It works once, for that address only, and expires in 7 days.`
          }
        >
          <div className="space-y-4">
            <div className="flex items-stretch gap-2">
              <Input
                aria-label="Invite link"
                data-testid="invite-link"
                value={created.link}
                readOnly
                onFocus={(event) => event.currentTarget.select()}
                className="font-mono text-xs"
              />
              <CopyButton
                value={created.link}
                label="Copy link"
                copiedMessage="Invite link copied"
                className="shrink-0"
              />
            </div>
            <p className="text-sm text-muted-foreground">
              They open it, create an account (or sign in) with {created.email}, and join {workspaceName} as{" "}
              {withArticle(created.role)}. You can copy the link again from the pending invitations.
            </p>
            <div className="flex justify-end">
              <DialogClose asChild>
                <Button>Done</Button>
              </DialogClose>
            </div>
          </div>
        </DialogContent>
      ) : (
        <DialogContent
          title="Invite a member"
          description={
            mailsInvitations
              ? `We email them a link to join ${workspaceName}; you can also copy it to send it yourself.`
              : `They get a link to join ${workspaceName}. No email is sent: you share the link.`
          }
        >
          <form onSubmit={onSubmit} className="space-y-4" noValidate>
            <FormError message={formError} />
            <Field label="Email" error={errors.email}>
              {(p) => (
                <Input
                  {...p}
                  type="email"
                  autoComplete="off"
                  placeholder="name@company.com"
                  value={email}
                  onChange={(event) => setEmail(event.target.value)}
                  autoFocus
                />
              )}
            </Field>
            <Field label="Role" error={errors.role} hint={ROLE_DESCRIPTIONS[role]}>
              {(p) => (
                <Select
                  {...p}
                  value={role}
                  onChange={(event) => isRole(event.target.value) && setRole(event.target.value)}
                >
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABELS[r]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <DialogFormFooter submitLabel="Create invitation" pendingLabel="Creating…" pending={invite.isPending} />
          </form>
        </DialogContent>
      )}
    </Dialog>
  );
}

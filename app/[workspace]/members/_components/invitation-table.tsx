"use client";

import { MailPlus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DataTable } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { RoleBadge } from "@/components/workspace/role-badge";
import { useCancelInvitation, useInvitations } from "./use-members";

const COLUMNS = ["Email", "Role", "Invited by", "Expires"];

/** Pending invitations; those who manage members can copy a link again or revoke it. */
export function InvitationTable({
  workspace,
  canManage,
  onInvite,
}: {
  workspace: string;
  canManage: boolean;
  onInvite: () => void;
}) {
  const invitations = useInvitations(workspace);
  const cancel = useCancelInvitation(workspace);

  if (invitations.isError) {
    return (
      <div role="alert" className="rounded-xl border border-danger/40 bg-card p-6 text-sm">
        <p className="font-medium text-danger">Could not load invitations</p>
        <p className="mt-1 text-muted-foreground">{invitations.error.message}</p>
        <Button variant="secondary" size="sm" className="mt-3" onClick={() => invitations.refetch()}>
          Try again
        </Button>
      </div>
    );
  }

  if (invitations.data?.data.length === 0) {
    return (
      <div className="flex flex-col items-center rounded-xl border border-dashed border-border bg-card px-6 py-8 text-center text-sm">
        <MailPlus aria-hidden className="h-6 w-6 text-muted-foreground" />
        <p className="mt-2 font-medium">No pending invitations</p>
        <p className="mt-1 text-muted-foreground">
          {canManage
            ? "Invite someone to get a link they can use to join."
            : "Admins and owners can invite people to this workspace."}
        </p>
        {canManage ? (
          <Button variant="secondary" size="sm" className="mt-3" onClick={onInvite}>
            Invite a member
          </Button>
        ) : null}
      </div>
    );
  }

  return (
    <DataTable
      caption="Pending invitations"
      columns={COLUMNS}
      actionsColumn={canManage ? { label: "Actions" } : undefined}
    >
      {invitations.isPending ? (
        <tr aria-hidden>
          {[...COLUMNS, ...(canManage ? ["actions"] : [])].map((column) => (
            <td key={column} className="px-4 py-3">
              <Skeleton className="h-4 w-full max-w-[8rem]" />
            </td>
          ))}
        </tr>
      ) : (
        invitations.data.data.map((invitation) => (
          <tr key={invitation.id} data-invitation-id={invitation.id}>
            <td className="px-4 py-3 font-medium">{invitation.email}</td>
            <td className="px-4 py-3">
              <RoleBadge role={invitation.role} />
            </td>
            <td className="px-4 py-3 text-muted-foreground">{invitation.invitedBy.name}</td>
            <td className="whitespace-nowrap px-4 py-3">
              <RelativeTime value={invitation.expiresAt} />
            </td>
            {canManage ? (
              <td className="px-4 py-3">
                <div className="flex justify-end gap-2">
                  <CopyButton
                    size="sm"
                    value={invitation.link}
                    label="Copy link"
                    copiedMessage={`Invite link for ${invitation.email} copied`}
                    aria-label={`Copy link for ${invitation.email}`}
                  />
                  <Button
                    variant="secondary"
                    size="sm"
                    disabled={cancel.isPending && cancel.variables?.id === invitation.id}
                    onClick={() => cancel.mutate(invitation)}
                    aria-label={`Revoke invitation for ${invitation.email}`}
                  >
                    Revoke
                  </Button>
                </div>
              </td>
            ) : null}
          </tr>
        ))
      )}
    </DataTable>
  );
}

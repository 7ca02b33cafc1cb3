"use client";

import { RoleBadge } from "@/components/workspace/role-badge";
import type { MemberView } from "@/lib/api/schemas/members";
import type { WorkspaceRefView } from "@/lib/api/schemas/workspaces";
import { ConfirmDialog } from "./confirm-dialog";
import { MemberAvatar } from "./member-avatar";
import { useRemoveMember } from "./use-members";

/** Removing someone is immediate: their access and every key they created stop working. Mount with key={id}. */
export function RemoveMemberDialog({
  workspace,
  member,
  onDone,
}: {
  workspace: WorkspaceRefView;
  member: MemberView | null;
  onDone: (removed: MemberView | null) => void;
}) {
  const remove = useRemoveMember(workspace.slug);
  return (
    <ConfirmDialog
      open={member !== null}
      title={`Remove ${member?.name ?? "member"}?`}
      description={`They lose access to ${workspace.name} at once, and the API keys they created stop working. You can invite them again later.`}
      confirmLabel="Remove member"
      pendingLabel="Removing…"
      pending={remove.isPending}
      error={remove.error?.message}
      onConfirm={() => member && remove.mutate(member, { onSuccess: () => onDone(member) })}
      onCancel={() => onDone(null)}
    >
      {member ? (
        <div className="flex items-center gap-3 rounded-md border border-border bg-muted/40 px-3 py-2.5 text-sm">
          <MemberAvatar name={member.name} />
          <div className="min-w-0 flex-1">
            <div className="truncate font-medium">{member.name}</div>
            <div className="truncate text-muted-foreground">{member.email}</div>
          </div>
          <RoleBadge role={member.role} />
        </div>
      ) : null}
    </ConfirmDialog>
  );
}

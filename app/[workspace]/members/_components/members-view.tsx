"use client";

import { UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { MemberView } from "@/lib/api/schemas/members";
import type { WorkspaceRefView } from "@/lib/api/schemas/workspaces";
import type { Role } from "@/lib/auth/scopes";
import { canManageMembers, roleChangeNeedsConfirmation, type Viewer } from "@/lib/members/permissions";
import { InvitationTable } from "./invitation-table";
import { InviteDialog } from "./invite-dialog";
import { LeaveWorkspace } from "./leave-workspace";
import { MemberTable } from "./member-table";
import { RemoveMemberDialog } from "./remove-member-dialog";
import { RoleChangeDialog } from "./role-change-dialog";
import { useChangeRole } from "./use-members";

/** Members and roles, pending invitations, and the dialogs that change them. */
export function MembersView({
  workspace,
  viewer,
  mailsInvitations,
}: {
  workspace: WorkspaceRefView;
  viewer: Viewer;
  mailsInvitations: boolean;
}) {
  const router = useRouter();
  const canManage = canManageMembers(viewer.role);
  const [inviting, setInviting] = useState(false);
  const [inviteDialogKey, setInviteDialogKey] = useState(0);
  const [confirmingRole, setConfirmingRole] = useState<{ member: MemberView; role: Role } | null>(null);
  const [removing, setRemoving] = useState<MemberView | null>(null);
  const changeRole = useChangeRole(workspace.slug);

  const pendingRoles: Record<string, Role> = {};
  if (confirmingRole) pendingRoles[confirmingRole.member.id] = confirmingRole.role;
  if (changeRole.isPending && changeRole.variables) {
    pendingRoles[changeRole.variables.member.id] = changeRole.variables.role;
  }

  /** A confirmed change shows a refusal in its dialog; a direct one in a toast. */
  function applyRoleChange(member: MemberView, role: Role, confirmed: boolean) {
    changeRole.mutate(
      { member, role },
      {
        onError: (error) => {
          if (!confirmed) toast.error(error.message);
        },
        onSuccess: () => {
          setConfirmingRole(null);
          // Your own role decides the navigation and what this page offers: re-render the server parts.
          if (member.userId === viewer.userId) router.refresh();
        },
      },
    );
  }

  function openInvite() {
    setInviteDialogKey((k) => k + 1);
    setInviting(true);
  }

  return (
    <div className="space-y-10">
      <div className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Members</h1>
            <p className="mt-1 text-sm text-muted-foreground">
              {canManage
                ? `People with access to ${workspace.name}, and what each of them may do.`
                : `People with access to ${workspace.name}. Admins and owners manage members and roles.`}
            </p>
          </div>
          {canManage ? (
            <Button onClick={openInvite}>
              <UserPlus aria-hidden className="h-4 w-4" /> Invite member
            </Button>
          ) : null}
        </div>
        <MemberTable
          workspace={workspace.slug}
          viewer={viewer}
          pendingRoles={pendingRoles}
          onChangeRole={(member, role) =>
            roleChangeNeedsConfirmation(viewer, member, role)
              ? setConfirmingRole({ member, role })
              : applyRoleChange(member, role, false)
          }
          onRemove={setRemoving}
        />
      </div>

      <section aria-labelledby="invitations-heading" className="space-y-3">
        <div>
          <h2 id="invitations-heading" className="text-lg font-semibold">
            Pending invitations
          </h2>
          <p className="mt-1 text-sm text-muted-foreground">
            Invitations expire after 7 days. Each link works once, for the invited address.
          </p>
        </div>
        <InvitationTable workspace={workspace.slug} canManage={canManage} onInvite={openInvite} />
      </section>

      <LeaveWorkspace workspace={workspace} viewer={viewer} />

      {canManage ? (
        <InviteDialog
          key={inviteDialogKey}
          workspace={workspace.slug}
          workspaceName={workspace.name}
          viewerRole={viewer.role}
          mailsInvitations={mailsInvitations}
          open={inviting}
          onOpenChange={setInviting}
        />
      ) : null}
      <RoleChangeDialog
        change={confirmingRole}
        viewer={viewer}
        pending={changeRole.isPending}
        error={confirmingRole ? changeRole.error?.message : null}
        onConfirm={() => confirmingRole && applyRoleChange(confirmingRole.member, confirmingRole.role, true)}
        onCancel={() => {
          setConfirmingRole(null);
          changeRole.reset();
        }}
      />
      <RemoveMemberDialog
        key={removing?.id ?? "none"}
        workspace={workspace}
        member={removing}
        onDone={(removed) => {
          setRemoving(null);
          if (removed) toast.success(`${removed.name} was removed from ${workspace.name}`);
        }}
      />
    </div>
  );
}

"use client";

import { Users } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Select } from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { ROLE_LABELS, RoleBadge } from "@/components/workspace/role-badge";
import type { MemberView } from "@/lib/api/schemas/members";
import { isRole, type Role } from "@/lib/auth/scopes";
import { assignableRoles, canRemove, countOwners, type Viewer } from "@/lib/members/permissions";
import { MemberAvatar } from "./member-avatar";
import { useMembers } from "./use-members";

interface MemberTableProps {
  workspace: string;
  viewer: Viewer;
  /** The role each member is being changed to while the change is confirmed or saved. */
  pendingRoles: Record<string, Role>;
  onChangeRole: (member: MemberView, role: Role) => void;
  onRemove: (member: MemberView) => void;
}

const COLUMNS = ["Member", "Role", "Joined"];
const SKELETON_ROWS = ["first", "second", "third"];

export function MemberTable({ workspace, viewer, pendingRoles, onChangeRole, onRemove }: MemberTableProps) {
  const members = useMembers(workspace);

  if (members.isError) {
    return (
      <div role="alert" className="rounded-xl border border-danger/40 bg-card p-6 text-sm">
        <p className="font-medium text-danger">Could not load members</p>
        <p className="mt-1 text-muted-foreground">{members.error.message}</p>
        <Button variant="secondary" size="sm" className="mt-3" onClick={() => members.refetch()}>
          Try again
        </Button>
      </div>
    );
  }

  const owners = members.data ? countOwners(members.data.data) : 0;
  return (
    <DataTable caption="Members" columns={COLUMNS} actionsColumn={{ label: "Actions" }}>
      {members.isPending ? (
        SKELETON_ROWS.map((id) => <SkeletonRow key={id} />)
      ) : members.data.data.length === 0 ? (
        <tr>
          <td colSpan={COLUMNS.length + 1} className="px-4 py-10 text-center text-muted-foreground">
            <Users aria-hidden className="mx-auto mb-2 h-6 w-6" />
            No members
          </td>
        </tr>
      ) : (
        members.data.data.map((member) => {
          const you = member.userId === viewer.userId;
          const roles = assignableRoles(viewer, member, owners);
          return (
            <tr key={member.id} data-member-id={member.id}>
              <td className="px-4 py-3">
                <div className="flex items-center gap-3">
                  <MemberAvatar name={member.name} />
                  <div className="min-w-0">
                    <div className="flex items-center gap-2 font-medium">
                      <span className="truncate">{member.name}</span>
                      {you ? <Badge>You</Badge> : null}
                    </div>
                    <div className="truncate text-muted-foreground">{member.email}</div>
                  </div>
                </div>
              </td>
              <td className="px-4 py-3">
                {roles.length > 0 ? (
                  <Select
                    aria-label={`Role of ${member.name}`}
                    className="w-32 py-1.5"
                    value={pendingRoles[member.id] ?? member.role}
                    disabled={member.id in pendingRoles}
                    onChange={(event) => {
                      const role = event.target.value;
                      if (isRole(role) && role !== member.role) onChangeRole(member, role);
                    }}
                  >
                    {roles.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_LABELS[role]}
                      </option>
                    ))}
                  </Select>
                ) : (
                  <div className="flex items-center gap-2">
                    <RoleBadge role={member.role} />
                    {member.role === "owner" && owners === 1 ? (
                      <span className="text-xs text-muted-foreground">Only owner</span>
                    ) : null}
                  </div>
                )}
              </td>
              <td className="whitespace-nowrap px-4 py-3">
                <RelativeTime value={member.joinedAt} />
              </td>
              <td className="px-4 py-3 text-right">
                {canRemove(viewer, member, owners) ? (
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => onRemove(member)}
                    aria-label={`Remove ${member.name}`}
                  >
                    Remove
                  </Button>
                ) : null}
              </td>
            </tr>
          );
        })
      )}
    </DataTable>
  );
}

function SkeletonRow() {
  return (
    <tr aria-hidden>
      <td className="px-4 py-3">
        <div className="flex items-center gap-3">
          <Skeleton className="h-8 w-8 rounded-full" />
          <div className="space-y-1.5">
            <Skeleton className="h-4 w-28" />
            <Skeleton className="h-3.5 w-40" />
          </div>
        </div>
      </td>
      <td className="px-4 py-3">
        <Skeleton className="h-8 w-32" />
      </td>
      <td className="px-4 py-3">
        <Skeleton className="h-4 w-24" />
      </td>
      <td className="px-4 py-3" />
    </tr>
  );
}

"use client";

import { RoleBadge, withArticle } from "@/components/workspace/role-badge";
import type { MemberView } from "@/lib/api/schemas/members";
import type { Role } from "@/lib/auth/scopes";
import { ROLE_DESCRIPTIONS, type Viewer } from "@/lib/members/permissions";
import { ConfirmDialog } from "./confirm-dialog";

interface RoleChange {
  member: MemberView;
  role: Role;
}

function describeChange({ member, role }: RoleChange, viewer: Viewer) {
  if (member.userId === viewer.userId) {
    return {
      title: `Make yourself ${withArticle(role)}?`,
      description:
        "You lose what your current role allows as soon as you confirm, and your own keys lose those permissions too. Only an admin or owner can give them back.",
    };
  }
  if (role === "owner") {
    return {
      title: `Make ${member.name} an owner?`,
      description: "Owners can do everything, including changing or removing other owners — you too.",
    };
  }
  return {
    title: `Change ${member.name}'s role to ${role}?`,
    description: `${member.name} loses what ${withArticle(member.role)} may do at once, and so do the keys they created.`,
  };
}

/** Confirms a role change that takes power away from someone (or from you), or makes an owner. */
export function RoleChangeDialog({
  change,
  viewer,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  change: RoleChange | null;
  viewer: Viewer;
  pending: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const text = change ? describeChange(change, viewer) : { title: "Change role?", description: "" };
  return (
    <ConfirmDialog
      open={change !== null}
      title={text.title}
      description={text.description}
      confirmLabel="Change role"
      pendingLabel="Changing…"
      tone={change?.role === "owner" ? "primary" : "danger"}
      pending={pending}
      error={error}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {change ? (
        <div className="flex items-center gap-3 rounded-md border border-border bg-muted/40 px-3 py-2.5 text-sm">
          <RoleBadge role={change.member.role} />
          <span aria-hidden className="text-muted-foreground">
            →
          </span>
          <span className="sr-only">to</span>
          <RoleBadge role={change.role} />
          <span className="ml-auto text-right text-xs text-muted-foreground">{ROLE_DESCRIPTIONS[change.role]}</span>
        </div>
      ) : null}
    </ConfirmDialog>
  );
}

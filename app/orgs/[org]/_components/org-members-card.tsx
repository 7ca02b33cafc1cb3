"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { FormError, Select } from "@/components/ui/field";
import { ROLE_LABELS, RoleBadge } from "@/components/workspace/role-badge";
import type { OrgDetailView, OrgMemberView } from "@/lib/api/schemas/orgs";
import { ROLES, type Role } from "@/lib/auth/scopes";
import { ApiClientError, apiFetch } from "@/lib/client/api";

/**
 * Who is in the organization and their role there. Owners and admins change roles (only owners
 * make or unmake owners); the change applies to the member's organization keys at once.
 */
export function OrgMembersCard({ org, viewerId, manages }: { org: OrgDetailView; viewerId: string; manages: boolean }) {
  const router = useRouter();
  const [pendingFor, setPendingFor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function changeRole(member: OrgMemberView, role: Role) {
    setError(null);
    setPendingFor(member.userId);
    try {
      await apiFetch(`/api/v1/orgs/${org.id}/members/${member.userId}`, { method: "PATCH", body: { role } });
      toast.success(`${member.name} is now ${ROLE_LABELS[role].toLowerCase()} of ${org.name}`);
      router.refresh();
    } catch (caught) {
      if (!(caught instanceof ApiClientError)) throw caught;
      setError(caught.message);
    } finally {
      setPendingFor(null);
    }
  }

  const editable = (member: OrgMemberView) => manages && (org.role === "owner" || member.role !== "owner");
  return (
    <section aria-labelledby="org-members-title" className="rounded-xl border border-border bg-card">
      <div className="space-y-3 p-6 pb-4">
        <div>
          <h2 id="org-members-title" className="font-semibold">
            Members
          </h2>
          <p className="mt-1 text-sm text-muted-foreground">
            Everyone in one of its workspaces is a member. Owners and admins act in every workspace.
          </p>
        </div>
        <FormError message={error} />
      </div>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Organization members</caption>
        <thead className="border-y border-border bg-muted/50 text-xs font-medium text-muted-foreground">
          <tr>
            <th className="px-6 py-2 font-medium">Name</th>
            <th className="px-3 py-2 font-medium">Workspaces</th>
            <th className="px-6 py-2 text-right font-medium">Role</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {org.members.map((member) => (
            <tr key={member.userId} data-user-id={member.userId}>
              <td className="px-6 py-3">
                <span className="font-medium">{member.name}</span>
                {member.userId === viewerId ? <span className="text-muted-foreground"> (you)</span> : null}
                <span className="block text-xs text-muted-foreground">{member.email}</span>
              </td>
              <td className="px-3 py-3 text-muted-foreground">{member.workspaces}</td>
              <td className="px-6 py-3 text-right">
                {editable(member) ? (
                  <Select
                    aria-label={`Organization role of ${member.name}`}
                    value={member.role}
                    disabled={pendingFor === member.userId}
                    onChange={(event) => changeRole(member, event.target.value as Role)}
                    className="ml-auto w-32"
                  >
                    {ROLES.filter((role) => org.role === "owner" || role !== "owner").map((role) => (
                      <option key={role} value={role}>
                        {ROLE_LABELS[role]}
                      </option>
                    ))}
                  </Select>
                ) : (
                  <RoleBadge role={member.role} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

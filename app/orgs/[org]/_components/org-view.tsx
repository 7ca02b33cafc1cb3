"use client";

import { RoleBadge } from "@/components/workspace/role-badge";
import type { OrgDetailView } from "@/lib/api/schemas/orgs";
import { OrgKeysCard } from "./org-keys-card";
import { OrgMembersCard } from "./org-members-card";
import { OrgNameCard } from "./org-name-card";
import { OrgWorkspacesCard } from "./org-workspaces-card";

/** What an organization's owners and admins manage; members see their workspaces and who is who. */
export function OrgView({ detail, viewerId }: { detail: OrgDetailView; viewerId: string }) {
  const manages = detail.role === "owner" || detail.role === "admin";
  return (
    <>
      <div>
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
          {detail.name} <RoleBadge role={detail.role} />
        </h1>
        <p className="mt-1 text-sm text-muted-foreground">
          {manages
            ? "Owners and admins of the organization act in every one of its workspaces and create its organization keys."
            : "You see the organization's workspaces you belong to. Its owners and admins manage the rest."}
        </p>
      </div>
      {manages ? <OrgNameCard org={detail} /> : null}
      <OrgWorkspacesCard org={detail} manages={manages} />
      <OrgMembersCard org={detail} viewerId={viewerId} manages={manages} />
      {manages ? <OrgKeysCard org={detail} /> : null}
    </>
  );
}

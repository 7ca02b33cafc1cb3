import type { Metadata } from "next";
import { requireMembership } from "@/app/_lib/session";
import { readPolicies } from "@/lib/workspaces/policies";
import { toWorkspaceSettingsView } from "@/lib/workspaces/view";
import { SettingsNoAccess } from "./_components/settings-no-access";
import { SettingsView } from "./_components/settings-view";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { membership, db } = await requireMembership(slug);
  // The navigation hides Settings from members; this answers one who opens the URL anyway.
  if (membership.role === "member") return <SettingsNoAccess slug={slug} workspaceName={membership.workspace.name} />;
  const policies = await readPolicies(db, membership.workspace.id);
  return (
    <SettingsView key={membership.workspace.id} initial={toWorkspaceSettingsView(membership.workspace, policies)} />
  );
}

import type { Metadata } from "next";
import { requireMembership } from "@/app/_lib/session";
import { roleCeiling } from "@/lib/auth/scopes";
import { KeysView } from "./_components/keys-view";

export const metadata: Metadata = { title: "API keys" };

export default async function KeysPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { membership, user } = await requireMembership(slug);
  const { workspace, role } = membership;
  return (
    <KeysView
      workspace={{ id: workspace.id, slug, name: workspace.name, keyPrefix: workspace.keyPrefix }}
      // The same ceiling the API checks a session against (lib/auth/with-auth.ts).
      viewer={{ userId: user.id, role, scopes: roleCeiling(role, workspace.customScopes) }}
    />
  );
}

import type { Metadata } from "next";
import { requireMembership } from "@/app/_lib/session";
import { KeysView } from "./_components/keys-view";

export const metadata: Metadata = { title: "API keys" };

export default async function KeysPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { membership } = await requireMembership(slug);
  return (
    <KeysView
      workspace={{
        id: membership.workspace.id,
        slug,
        name: membership.workspace.name,
        keyPrefix: membership.workspace.keyPrefix,
      }}
      canWrite={membership.role !== "member"}
    />
  );
}

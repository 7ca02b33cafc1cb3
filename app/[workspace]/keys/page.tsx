import type { Metadata } from "next";
import { requireMembership } from "@/app/_lib/session";
import { KeysView } from "./_components/keys-view";
import { viewerOf } from "./_components/viewer";

export const metadata: Metadata = { title: "API keys" };

export default async function KeysPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { membership, user } = await requireMembership(slug);
  const { workspace } = membership;
  return (
    <KeysView
      workspace={{ id: workspace.id, slug, name: workspace.name, keyPrefix: workspace.keyPrefix }}
      viewer={viewerOf(user.id, membership)}
    />
  );
}

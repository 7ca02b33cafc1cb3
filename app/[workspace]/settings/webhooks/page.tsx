import type { Metadata } from "next";
import { requireMembership } from "@/app/_lib/session";
import { SettingsNoAccess } from "../_components/settings-no-access";
import { WebhooksView } from "./_components/webhooks-view";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { membership } = await requireMembership(slug);
  if (membership.role === "member") return <SettingsNoAccess slug={slug} workspaceName={membership.workspace.name} />;
  return <WebhooksView key={membership.workspace.id} slug={slug} workspaceName={membership.workspace.name} />;
}

import type { Metadata } from "next";
import { requireMembership } from "@/app/_lib/session";
import { mailEnabled } from "@/lib/mail/mailer";
import { MembersView } from "./_components/members-view";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { membership, user } = await requireMembership(slug);
  return (
    <MembersView
      workspace={{ id: membership.workspace.id, slug, name: membership.workspace.name }}
      viewer={{ userId: user.id, role: membership.role }}
      mailsInvitations={mailEnabled()}
    />
  );
}

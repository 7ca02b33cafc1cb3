import type { Metadata } from "next";
import { Suspense } from "react";
import { requireMembership } from "@/app/_lib/session";
import { AuditView } from "./_components/audit-view";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  await requireMembership(workspace);
  // Every role holds audit.read, so everyone who can open the workspace can read its log.
  return (
    <Suspense>
      <AuditView workspace={workspace} />
    </Suspense>
  );
}

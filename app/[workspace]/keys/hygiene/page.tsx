import type { Metadata } from "next";
import { requireMembership } from "@/app/_lib/session";
import { hygieneReport } from "@/lib/keys/hygiene";
import { viewerOf } from "@/lib/keys/permissions";
import { HygieneView } from "./_components/hygiene-view";

export const metadata: Metadata = { title: "Key hygiene" };

/** Keys worth a second look (never used, idle, never expiring, left behind), with bulk revoke and disable. */
export default async function KeyHygienePage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { membership, principal, db, now } = await requireMembership(slug);
  const initial = await hygieneReport(db, membership.workspace, now, undefined);
  return (
    <HygieneView workspace={{ slug, name: membership.workspace.name }} viewer={viewerOf(principal)} initial={initial} />
  );
}

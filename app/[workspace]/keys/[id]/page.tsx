import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { firstData, serverQuery } from "@/app/_lib/first-data";
import { requireMembership } from "@/app/_lib/session";
import { ApiError } from "@/lib/api/errors";
import { parseQueryString } from "@/lib/api/request";
import { listAuditQuerySchema } from "@/lib/api/schemas/audit";
import { auditListView } from "@/lib/audit/query";
import { keyAuditTrailApiQuery, keyAuditTrailQuery } from "@/lib/client/queries/audit";
import { keyQuery, keyUsageQuery } from "@/lib/client/queries/keys";
import { viewerOf } from "@/lib/keys/permissions";
import { keyUsageView, keyView } from "@/lib/keys/views";
import { KeyDetailView } from "./_components/key-detail-view";
import { isRange } from "./_components/usage-buckets";

interface Props {
  params: Promise<{ workspace: string; id: string }>;
  searchParams: Promise<{ range?: string | string[] }>;
}

/** The key in the URL's workspace (or null); one database read per request for metadata and page. */
const findKey = cache(async (slug: string, id: string) => {
  const { membership, db, now } = await requireMembership(slug);
  try {
    return await keyView(db, membership.workspace, id, now);
  } catch (error) {
    if (error instanceof ApiError && error.code === "NOT_FOUND") return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workspace, id } = await params;
  const key = await findKey(workspace, id);
  return { title: key ? `${key.name} · API keys` : "Key not found" };
}

/** The key page arrives with the key, its usage for the URL's range and its audit trail, read at once. */
export default async function KeyDetailPage({ params, searchParams }: Props) {
  const { workspace: slug, id } = await params;
  const { range: rangeParam } = await searchParams;
  const range = typeof rangeParam === "string" && isRange(rangeParam) ? rangeParam : "24h";
  const { membership, principal, db, now } = await requireMembership(slug);
  const workspaceId = membership.workspace.id;
  const [key, state] = await Promise.all([
    findKey(slug, id),
    firstData(
      serverQuery(keyQuery(slug, id), async () => (await findKey(slug, id)) ?? Promise.reject(new Error("no key"))),
      serverQuery(keyUsageQuery(slug, id, range), () => keyUsageView(db, membership.workspace, id, range, now)),
      serverQuery(keyAuditTrailQuery(slug, id), () =>
        auditListView(db, workspaceId, parseQueryString(keyAuditTrailApiQuery(id), listAuditQuerySchema)),
      ),
    ),
  ]);
  // A real 404 for a key that does not exist here; the view handles one revoked or removed later.
  if (!key) notFound();
  return (
    <HydrationBoundary state={state}>
      <KeyDetailView workspace={slug} keyId={id} viewer={viewerOf(principal)} />
    </HydrationBoundary>
  );
}

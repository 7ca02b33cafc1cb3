import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { firstData, serverQuery } from "@/app/_lib/first-data";
import { searchParamsOf } from "@/app/_lib/search-params";
import { requireMembership } from "@/app/_lib/session";
import { parseQueryString } from "@/lib/api/request";
import { listAuditQuerySchema } from "@/lib/api/schemas/audit";
import { listKeysQuerySchema } from "@/lib/api/schemas/keys";
import { auditListView } from "@/lib/audit/query";
import { auditPageApiQuery, auditPageQuery } from "@/lib/client/queries/audit";
import { KEY_MENU_API_QUERY, keyListQuery } from "@/lib/client/queries/keys";
import { membersQuery } from "@/lib/client/queries/members";
import { keyListView } from "@/lib/keys/views";
import { memberListView } from "@/lib/members/views";
import { apiFilterQuery, readFilters } from "./_components/audit-url-state";
import { AuditView } from "./_components/audit-view";

export const metadata: Metadata = { title: "Audit log" };

interface Props {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * The audit log arrives with its first page and the filter menus' members and keys. A date
 * filter is a day in the browser's time zone, which the server does not know: such a page
 * is fetched by the browser, as before.
 */
export default async function AuditPage({ params, searchParams }: Props) {
  const { workspace: slug } = await params;
  // Every role holds audit.read, so everyone who can open the workspace can read its log.
  const { membership, db, now } = await requireMembership(slug);
  const workspaceId = membership.workspace.id;
  const filters = readFilters(searchParamsOf(await searchParams));
  const filter = apiFilterQuery(filters).toString();
  const firstPage = auditPageApiQuery(filter, filters.pageSize, null);
  const state = await firstData(
    ...(filters.from || filters.to
      ? []
      : [
          serverQuery(auditPageQuery(slug, filter, filters.pageSize, null), () =>
            auditListView(db, workspaceId, parseQueryString(firstPage, listAuditQuerySchema)),
          ),
        ]),
    serverQuery(membersQuery(slug), () => memberListView(db, workspaceId)),
    serverQuery(keyListQuery(slug, KEY_MENU_API_QUERY), () =>
      keyListView(db, membership.workspace, parseQueryString(KEY_MENU_API_QUERY, listKeysQuerySchema), now),
    ),
  );
  return (
    <HydrationBoundary state={state}>
      <Suspense>
        <AuditView workspace={slug} />
      </Suspense>
    </HydrationBoundary>
  );
}

import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { firstData, serverQuery } from "@/app/_lib/first-data";
import { searchParamsOf } from "@/app/_lib/search-params";
import { requireMembership } from "@/app/_lib/session";
import { parseQueryString } from "@/lib/api/request";
import { listKeysQuerySchema } from "@/lib/api/schemas/keys";
import { KEY_PAGE_SIZE, keyListQuery } from "@/lib/client/queries/keys";
import { membersQuery } from "@/lib/client/queries/members";
import { viewerOf } from "@/lib/keys/permissions";
import { keyListView } from "@/lib/keys/views";
import { memberListView } from "@/lib/members/views";
import { readPolicies } from "@/lib/workspaces/policies";
import { keyListApiQuery, parseKeyListParams } from "./_components/key-list-params";
import { KeysView } from "./_components/keys-view";

export const metadata: Metadata = { title: "API keys" };

interface Props {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The key table arrives with the page of keys its URL asks for (and the creator filter's members). */
export default async function KeysPage({ params, searchParams }: Props) {
  const { workspace: slug } = await params;
  const { membership, principal, db, now } = await requireMembership(slug);
  const { workspace } = membership;
  const apiQuery = keyListApiQuery(parseKeyListParams(searchParamsOf(await searchParams)), KEY_PAGE_SIZE);
  const policies = await readPolicies(db, workspace.id);
  const state = await firstData(
    serverQuery(keyListQuery(slug, apiQuery), () =>
      keyListView(db, workspace, parseQueryString(apiQuery, listKeysQuerySchema), now),
    ),
    serverQuery(membersQuery(slug), () => memberListView(db, workspace.id)),
  );
  return (
    <HydrationBoundary state={state}>
      <KeysView
        workspace={{
          id: workspace.id,
          slug,
          name: workspace.name,
          keyPrefix: workspace.keyPrefix,
          environments: workspace.environments,
          maxKeyLifetimeDays: policies.maxKeyLifetimeDays,
        }}
        viewer={viewerOf(principal)}
      />
    </HydrationBoundary>
  );
}

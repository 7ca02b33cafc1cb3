import { dehydrate, type FetchQueryOptions, QueryClient, type QueryKey } from "@tanstack/react-query";

type ServerQuery = (client: QueryClient) => Promise<void>;

/**
 * One query a page answers on the server: the browser's query options (lib/client/queries)
 * with `read` in place of the fetch, a lib/ read that returns what the API route would send.
 */
export function serverQuery<T, K extends QueryKey>(
  options: FetchQueryOptions<T, Error, T, K>,
  read: () => Promise<T>,
): ServerQuery {
  return (client) => client.prefetchQuery({ ...options, queryFn: read, retry: false });
}

/**
 * A page's first data for <HydrationBoundary>: every read runs at once, and lands in the
 * browser's cache under the keys its hooks use, fresh for their staleTime (so hydration
 * asks the API for nothing). A read that fails is left out: the browser asks the API for
 * it and shows that answer, as it did before pages carried data.
 */
export async function firstData(...queries: ServerQuery[]) {
  const client = new QueryClient();
  await Promise.all(queries.map((query) => query(client)));
  return dehydrate(client);
}

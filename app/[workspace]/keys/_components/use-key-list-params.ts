"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { type KeyListParams, keyListParamsToQuery, parseKeyListParams, withChange } from "./key-list-params";

/**
 * The key table's filters, search, sort and page, read from and written to the URL.
 * Writing uses the History API (Next keeps useSearchParams in step) so nothing is
 * fetched from the server but the list itself; typing in the search replaces the
 * entry instead of adding one per keystroke.
 */
export function useKeyListParams() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const params = useMemo(() => parseKeyListParams(new URLSearchParams(searchParams)), [searchParams]);
  const update = useCallback(
    (change: Partial<KeyListParams>, options: { replace?: boolean } = {}) => {
      const current = parseKeyListParams(new URLSearchParams(window.location.search));
      const query = keyListParamsToQuery(withChange(current, change));
      const url = query ? `${pathname}?${query}` : pathname;
      if (options.replace) window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    },
    [pathname],
  );
  return [params, update] as const;
}

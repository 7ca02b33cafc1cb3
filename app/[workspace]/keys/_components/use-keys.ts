"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { KEY_PAGE_SIZE, keyListQuery } from "@/lib/client/queries/keys";
import { type KeyListParams, keyListApiQuery } from "./key-list-params";

export function useKeyList(workspace: string, params: KeyListParams) {
  return useQuery({
    ...keyListQuery(workspace, keyListApiQuery(params, KEY_PAGE_SIZE)),
    // Paging, sorting and filtering keep the rows on screen until the next ones arrive.
    placeholderData: keepPreviousData,
  });
}

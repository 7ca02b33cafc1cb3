"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { AuditEventView } from "@/lib/api/schemas/audit";
import type { KeyView } from "@/lib/api/schemas/keys";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import type { UsageRange, UsageReport } from "@/lib/keys/usage-report";
import { keyQueryKey } from "../../_components/use-keys";

/** A missing key will not appear by asking again. */
const retryUnlessMissing = (failures: number, error: Error) =>
  !(error instanceof ApiClientError && error.status === 404) && failures < 1;

export const isNotFound = (error: Error | null) => error instanceof ApiClientError && error.status === 404;

export function useKey(workspace: string, id: string) {
  return useQuery({
    queryKey: keyQueryKey(workspace, id),
    queryFn: () => apiFetch<KeyView>(`/api/v1/keys/${encodeURIComponent(id)}`, { workspace }),
    retry: retryUnlessMissing,
    refetchInterval: 30_000,
  });
}

export function useKeyUsage(workspace: string, id: string, range: UsageRange) {
  return useQuery({
    queryKey: [...keyQueryKey(workspace, id), "usage", range],
    queryFn: () => apiFetch<UsageReport>(`/api/v1/keys/${encodeURIComponent(id)}/usage?range=${range}`, { workspace }),
    // Keep the previous range on screen while the next loads, so nothing jumps.
    placeholderData: keepPreviousData,
    retry: retryUnlessMissing,
    refetchInterval: 30_000,
  });
}

export const KEY_AUDIT_LIMIT = 20;

export function useKeyAuditTrail(workspace: string, id: string) {
  return useQuery({
    queryKey: [...keyQueryKey(workspace, id), "audit"],
    queryFn: () =>
      apiFetch<{ data: AuditEventView[]; nextCursor: string | null }>(
        `/api/v1/audit?targetId=${encodeURIComponent(id)}&limit=${KEY_AUDIT_LIMIT}`,
        { workspace },
      ),
  });
}

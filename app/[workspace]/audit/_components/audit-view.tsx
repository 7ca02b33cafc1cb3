"use client";

import { Download } from "lucide-react";
import { usePathname, useSearchParams } from "next/navigation";
import { LiveIndicator } from "@/components/live/live-indicator";
import { Button } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";
import { AuditFilterBar } from "./audit-filter-bar";
import { AuditResults } from "./audit-results";
import { type AuditFilters, apiFilterQuery, dateRangeError, readFilters, writeFilters } from "./audit-url-state";

/** The workspace's audit log: filters kept in the URL, a paged table, and a CSV of everything that matches. */
export function AuditView({ workspace }: { workspace: string }) {
  const params = useSearchParams();
  const pathname = usePathname();
  const filters = readFilters(params);
  const rangeError = dateRangeError(filters);
  const apiQuery = apiFilterQuery(filters).toString();

  const setFilters = (next: AuditFilters) => {
    const search = writeFilters(next).toString();
    // Next.js keeps useSearchParams in sync with history calls, without a server round trip.
    window.history.replaceState(null, "", search ? `${pathname}?${search}` : pathname);
  };

  const exportQuery = new URLSearchParams(apiQuery);
  exportQuery.set("workspace", workspace);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            Every change to keys, members and settings in this workspace: who made it, when and from where.
          </p>
        </div>
        <div className="flex items-center gap-3">
          <LiveIndicator />
          {rangeError ? (
            <Button variant="secondary" disabled>
              <Download aria-hidden className="h-4 w-4" /> Export CSV
            </Button>
          ) : (
            <Tooltip content="Downloads every event that matches the filters, not just this page">
              <a
                href={`/api/v1/audit/export?${exportQuery}`}
                download
                className="inline-flex h-10 items-center gap-1.5 rounded-md border border-border bg-card px-4 text-sm font-medium hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background"
              >
                <Download aria-hidden className="h-4 w-4" /> Export CSV
              </a>
            </Tooltip>
          )}
        </div>
      </div>

      <AuditFilterBar workspace={workspace} filters={filters} rangeError={rangeError} onChange={setFilters} />

      {/* A new filter starts again at the newest page. */}
      <AuditResults
        key={`${apiQuery}|${filters.pageSize}`}
        workspace={workspace}
        filters={filters}
        apiQuery={apiQuery}
        paused={!!rangeError}
        onChange={setFilters}
      />
    </div>
  );
}

"use client";

import { ChevronLeft, ChevronRight, ScrollText } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { HydratedFieldset } from "@/components/ui/hydrated-fieldset";
import { LoadError } from "@/components/ui/load-error";
import { cn } from "@/lib/cn";
import { AuditTable } from "./audit-table";
import { type AuditFilters, hasFilters, PAGE_SIZES, type PageSize } from "./audit-url-state";
import { useAuditPage } from "./use-audit";

interface AuditResultsProps {
  workspace: string;
  filters: AuditFilters;
  apiQuery: string;
  /** True while the filters are invalid (an end date before the start). */
  paused: boolean;
  onChange: (filters: AuditFilters) => void;
}

/** The table for one set of filters; remounted when they change, which resets the pages. */
export function AuditResults({ workspace, filters, apiQuery, paused, onChange }: AuditResultsProps) {
  // Keyset pages: the cursors of the pages before this one, so "Previous" can go back.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1];
  const page = useAuditPage(workspace, apiQuery, filters.pageSize, cursor, !paused);
  const pageIndex = cursors.length - 1;
  const pageSizeId = useId();

  if (paused) {
    return (
      <p className="rounded-xl border border-dashed border-border bg-card px-6 py-10 text-center text-sm text-muted-foreground">
        Choose an end date on or after the start date to see events.
      </p>
    );
  }
  if (page.isError) {
    return (
      <LoadError
        title="Could not load the audit log"
        error={page.error}
        onRetry={() => page.refetch()}
        retrying={page.isFetching}
      />
    );
  }

  const events = page.data?.data;
  if (events && events.length === 0 && pageIndex === 0) {
    const filtered = hasFilters(filters);
    return (
      <div className="flex flex-col items-center rounded-xl border border-dashed border-border bg-card px-6 py-16 text-center">
        <ScrollText aria-hidden className="h-8 w-8 text-muted-foreground" />
        <h2 className="mt-3 font-medium">{filtered ? "No events match these filters" : "No events yet"}</h2>
        <p className="mt-1 max-w-sm text-sm text-muted-foreground">
          {filtered
            ? "Try a wider date range or another actor, action or key."
            : "Creating, changing, rotating or revoking keys, and changes to members and settings, are recorded here."}
        </p>
        {filtered ? (
          <Button variant="secondary" className="mt-4" onClick={() => onChange({ pageSize: filters.pageSize })}>
            Clear filters
          </Button>
        ) : null}
      </div>
    );
  }

  const first = pageIndex * filters.pageSize + 1;
  const last = pageIndex * filters.pageSize + (events?.length ?? 0);
  return (
    <div className="space-y-3">
      <div className={cn("transition-opacity", page.isPlaceholderData && "opacity-60")}>
        <AuditTable workspace={workspace} events={events} skeletonRows={Math.min(filters.pageSize, 10)} />
      </div>
      <nav aria-label="Audit log pages" className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="text-muted-foreground" aria-live="polite">
          {events ? `Events ${first}–${last}` : "Loading events…"}
        </p>
        <HydratedFieldset className="flex items-center gap-3">
          <span className="flex items-center gap-2">
            <label htmlFor={pageSizeId} className="text-muted-foreground">
              Rows per page
            </label>
            <Select
              id={pageSizeId}
              className="h-8 w-24 py-0"
              value={filters.pageSize}
              onChange={(e) => onChange({ ...filters, pageSize: Number(e.target.value) as PageSize })}
            >
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </Select>
          </span>
          <Button
            variant="secondary"
            size="sm"
            disabled={pageIndex === 0 || page.isFetching}
            onClick={() => setCursors((stack) => stack.slice(0, -1))}
          >
            <ChevronLeft aria-hidden className="h-4 w-4" /> Newer
          </Button>
          <Button
            variant="secondary"
            size="sm"
            disabled={!page.data?.nextCursor || page.isPlaceholderData}
            onClick={() => {
              const next = page.data?.nextCursor;
              if (next) setCursors((stack) => [...stack, next]);
            }}
          >
            Older <ChevronRight aria-hidden className="h-4 w-4" />
          </Button>
        </HydratedFieldset>
      </nav>
    </div>
  );
}

import { KeyRound, SearchX, TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useHydrated } from "@/components/ui/use-hydrated";
import { CELL_CLASS, ROW_CLASS } from "./key-row";

const SKELETON_ROWS = ["a", "b", "c", "d", "e", "f"];
/** Widths of the first and second line per column, roughly those of real content. */
const SKELETON_CELLS = [
  ["w-32", "w-40"],
  ["w-48", null],
  ["w-44", null],
  ["w-24", "w-20"],
  ["w-24", "w-20"],
  ["w-16", "w-24"],
] as const;

/** Placeholder rows as tall as real ones (two lines), so the table does not jump when data arrives. */
export function SkeletonRows() {
  return SKELETON_ROWS.map((row) => (
    <tr key={row} aria-hidden className={ROW_CLASS} data-testid="skeleton-row">
      {SKELETON_CELLS.map(([first, second]) => (
        <td key={`${first}-${second}`} className={CELL_CLASS}>
          <Skeleton className={`h-4 ${first}`} />
          {second ? <Skeleton className={`mt-1.5 h-3 ${second}`} /> : null}
        </td>
      ))}
      <td className={CELL_CLASS}>
        <Skeleton className="ml-auto h-6 w-6" />
      </td>
    </tr>
  ));
}

/** A message in place of the rows, under the column headers. */
function TableMessage({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-6 py-16 text-center">
        <div className="mx-auto flex max-w-sm flex-col items-center">{children}</div>
      </td>
    </tr>
  );
}

export function NoMatchRow({ colSpan, onClear }: { colSpan: number; onClear: () => void }) {
  return (
    <TableMessage colSpan={colSpan}>
      <SearchX aria-hidden className="h-7 w-7 text-muted-foreground" />
      <h2 className="mt-3 font-medium">No keys match these filters</h2>
      <p className="mt-1 text-sm text-muted-foreground">Try another search, or clear the filters to see every key.</p>
      <Button variant="secondary" size="sm" className="mt-4" onClick={onClear}>
        Clear filters
      </Button>
    </TableMessage>
  );
}

export function ErrorRow({ colSpan, message, onRetry }: { colSpan: number; message: string; onRetry: () => void }) {
  return (
    <TableMessage colSpan={colSpan}>
      <div role="alert" className="flex flex-col items-center">
        <TriangleAlert aria-hidden className="h-7 w-7 text-danger" />
        <h2 className="mt-3 font-medium">Could not load keys</h2>
        <p className="mt-1 text-sm text-muted-foreground">{message}</p>
      </div>
      <Button variant="secondary" size="sm" className="mt-4" onClick={onRetry}>
        Try again
      </Button>
    </TableMessage>
  );
}

/** The workspace has no keys at all: say what keys are for and offer the first one. */
/** `onCreate` null: the viewer may not create keys here (the page header says who may). */
export function NoKeysYet({ onCreate }: { onCreate: (() => void) | null }) {
  const hydrated = useHydrated();
  return (
    <div className="flex flex-col items-center rounded-xl border border-dashed border-border bg-card px-6 py-20 text-center">
      <span className="flex h-12 w-12 items-center justify-center rounded-full bg-primary/10 text-primary">
        <KeyRound aria-hidden className="h-6 w-6" />
      </span>
      <h2 className="mt-4 text-lg font-semibold">No API keys yet</h2>
      <p className="mt-1 max-w-md text-sm text-muted-foreground">
        {onCreate
          ? "Create a key for each service that calls your API, so you can rotate or revoke one without touching the others."
          : "Owners and admins create this workspace's keys: ask one for a key for your service."}
      </p>
      {onCreate ? (
        <Button className="mt-5" onClick={onCreate} disabled={!hydrated}>
          Create your first key
        </Button>
      ) : null}
    </div>
  );
}

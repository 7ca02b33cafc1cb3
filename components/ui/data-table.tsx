import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * The bordered, horizontally scrolling table the list pages share: a screen-reader caption,
 * a header row of column names and, optionally, an unlabelled last column (named for screen
 * readers) for per-row buttons. The caller renders the <tbody> rows.
 */
export function DataTable({
  caption,
  columns,
  actionsColumn,
  className,
  children,
}: {
  caption: string;
  columns: readonly string[];
  /** The screen-reader name and classes of a trailing column of buttons; omitted when there is none. */
  actionsColumn?: { label: string; className?: string };
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn("overflow-x-auto rounded-xl border border-border bg-card", className)}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-border bg-muted/50 text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-4 py-3 font-medium">
                {column}
              </th>
            ))}
            {actionsColumn ? (
              <th scope="col" className={cn("px-4 py-3", actionsColumn.className)}>
                <span className="sr-only">{actionsColumn.label}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">{children}</tbody>
      </table>
    </div>
  );
}

"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { KeyAction } from "@/components/keys/key-row-actions";
import type { KeyList, KeyView } from "@/lib/api/schemas/keys";
import { cn } from "@/lib/cn";
import type { KeyListParams, KeySort } from "./key-list-params";
import { KeyRow } from "./key-row";
import { ErrorRow, NoMatchRow, SkeletonRows } from "./key-table-states";

type Column = { label: string; sort?: KeySort; srOnly?: boolean };
const COLUMNS: Column[] = [
  { label: "Name", sort: "name" },
  { label: "Key" },
  { label: "Scopes" },
  { label: "Created", sort: "createdAt" },
  { label: "Last used" },
  { label: "Status" },
  { label: "Actions", srOnly: true },
];

interface KeyTableProps {
  workspace: string;
  params: KeyListParams;
  list: { data?: KeyList; isPending: boolean; isPlaceholderData: boolean; error: Error | null };
  onRetry: () => void;
  onSort: (sort: KeySort) => void;
  onClearFilters: () => void;
  actionsFor: (key: KeyView) => KeyAction[];
  onAction: (action: KeyAction, key: KeyView) => void;
}

export function KeyTable({
  workspace,
  params,
  list,
  onRetry,
  onSort,
  onClearFilters,
  actionsFor,
  onAction,
}: KeyTableProps) {
  const rows = list.data?.data;
  return (
    <table className="w-full text-left text-sm" aria-busy={list.isPending || list.isPlaceholderData}>
      <caption className="sr-only">API keys</caption>
      <thead className="border-b border-border bg-muted/50 text-xs font-medium text-muted-foreground">
        <tr>
          {COLUMNS.map((column) => (
            <HeaderCell key={column.label} column={column} params={params} onSort={onSort} />
          ))}
        </tr>
      </thead>
      <tbody
        className={cn("divide-y divide-border transition-opacity", list.isPlaceholderData && "opacity-60")}
        data-testid="key-rows"
      >
        {list.error && !rows ? (
          <ErrorRow colSpan={COLUMNS.length} message={list.error.message} onRetry={onRetry} />
        ) : !rows ? (
          <SkeletonRows />
        ) : rows.length === 0 ? (
          <NoMatchRow colSpan={COLUMNS.length} onClear={onClearFilters} />
        ) : (
          rows.map((key) => (
            <KeyRow key={key.id} workspace={workspace} keyView={key} actions={actionsFor(key)} onAction={onAction} />
          ))
        )}
      </tbody>
    </table>
  );
}

function HeaderCell({
  column,
  params,
  onSort,
}: {
  column: Column;
  params: KeyListParams;
  onSort: (sort: KeySort) => void;
}) {
  const base = "h-10 px-3 font-medium first:pl-4 last:pr-4";
  if (column.srOnly) {
    return (
      <th scope="col" className={base}>
        <span className="sr-only">{column.label}</span>
      </th>
    );
  }
  if (!column.sort) {
    return (
      <th scope="col" className={base}>
        {column.label}
      </th>
    );
  }
  const active = params.sort === column.sort;
  const Icon = !active ? ArrowUpDown : params.order === "asc" ? ArrowUp : ArrowDown;
  return (
    <th
      scope="col"
      className={base}
      aria-sort={active ? (params.order === "asc" ? "ascending" : "descending") : undefined}
    >
      <button
        type="button"
        onClick={() => onSort(column.sort!)}
        className={cn(
          "-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-1 hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
          active && "text-foreground",
        )}
      >
        {column.label}
        <Icon aria-hidden className={cn("h-3.5 w-3.5", !active && "opacity-50")} />
      </button>
    </th>
  );
}

"use client";

import { Plus, Sparkles } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { type KeyActing, KeyActionDialogs } from "@/components/keys/key-action-dialogs";
import { availableActions } from "@/components/keys/key-row-actions";
import { type RevealableKey, RevealKeyDialog } from "@/components/keys/reveal-key-dialog";
import { LiveIndicator } from "@/components/live/live-indicator";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { canManageKey, KEY_CREATION_REFUSAL, type Viewer } from "@/lib/keys/permissions";
import type { WorkspaceInfo } from "./create-key-dialog";
import { CreateKeyDialog } from "./create-key-dialog";
import { KeyFilters } from "./key-filters";
import { DEFAULT_PARAMS, hasFilters, toggledSort } from "./key-list-params";
import { KeyPagination } from "./key-pagination";
import { KeyTable } from "./key-table";
import { NoKeysYet } from "./key-table-states";
import { useKeyListParams } from "./use-key-list-params";
import { useKeyList } from "./use-keys";

type Revealed = RevealableKey & { id: string };

/**
 * Where focus lands when a dialog closes: the key's row (its actions button, or its name
 * once it has no actions left), else the create button.
 */
function focusKeyRow(id: string, prefer: "actions" | "name") {
  return (event: Event) => {
    event.preventDefault();
    const row = document.querySelector(`tr[data-key-id="${CSS.escape(id)}"]`);
    const target =
      (prefer === "actions" && row?.querySelector<HTMLElement>("[data-row-actions]")) ||
      row?.querySelector<HTMLElement>("a") ||
      document.querySelector<HTMLElement>("[data-create-key]");
    target?.focus();
  };
}

/** The key page: filters, the table and its pages, and every key dialog. */
export function KeysView({ workspace, viewer }: { workspace: WorkspaceInfo; viewer: Viewer }) {
  const [params, setParams] = useKeyListParams();
  const list = useKeyList(workspace.slug, params);
  const [creating, setCreating] = useState(false);
  // The page arrives with its rows: its buttons wait for the handlers behind them.
  const hydrated = useHydrated();
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [acting, setActing] = useState<KeyActing>(null);
  const clearFilters = () =>
    setParams({ status: null, environment: null, creator: null, search: DEFAULT_PARAMS.search });

  // No keys at all (not just none on this filtered page): invite the first one.
  const workspaceIsEmpty =
    list.data?.data.length === 0 && !hasFilters(params) && !params.after && !params.before && !list.isPlaceholderData;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            Keys let your services call {workspace.name}'s API. A key's secret is shown once, when it is created.
          </p>
        </div>
        <div className="flex items-center gap-3">
          <LiveIndicator />
          <Link
            href={`/${workspace.slug}/keys/hygiene`}
            className="inline-flex h-10 items-center gap-1.5 rounded-md border border-border bg-card px-4 text-sm font-medium text-foreground transition hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background"
          >
            <Sparkles aria-hidden className="h-4 w-4" /> Hygiene
          </Link>
          {viewer.canCreateKeys ? (
            <Button onClick={() => setCreating(true)} disabled={!hydrated} data-create-key>
              <Plus aria-hidden className="h-4 w-4" /> Create API key
            </Button>
          ) : (
            <p className="text-sm text-muted-foreground" data-key-creation-note>
              {KEY_CREATION_REFUSAL}.
            </p>
          )}
        </div>
      </div>

      {workspaceIsEmpty ? (
        <NoKeysYet onCreate={viewer.canCreateKeys ? () => setCreating(true) : null} />
      ) : (
        <div className="space-y-3">
          <KeyFilters
            workspace={workspace.slug}
            environments={workspace.environments}
            viewer={viewer}
            params={params}
            onChange={setParams}
            onClear={clearFilters}
          />
          <div className="overflow-hidden rounded-xl border border-border bg-card shadow-sm">
            <div className="overflow-x-auto">
              <KeyTable
                workspace={workspace.slug}
                params={params}
                list={list}
                onRetry={() => list.refetch()}
                onSort={(sort) => setParams(toggledSort(params, sort))}
                onClearFilters={clearFilters}
                actionsFor={(key) => (canManageKey(viewer, key.createdBy?.id, key.kind) ? availableActions(key) : [])}
                onAction={(action, key) => setActing({ action, key })}
              />
            </div>
            {list.data && list.data.data.length > 0 ? (
              <KeyPagination
                list={list.data}
                onPrevious={(before) => setParams({ before, after: null })}
                onNext={(after) => setParams({ after, before: null })}
              />
            ) : null}
          </div>
        </div>
      )}

      <CreateKeyDialog
        workspace={workspace}
        viewer={viewer}
        open={creating}
        onOpenChange={setCreating}
        onCreated={(created) => {
          setCreating(false);
          setRevealed(created);
        }}
      />
      <RevealKeyDialog
        created={revealed}
        onDone={() => setRevealed(null)}
        onCloseAutoFocus={revealed ? focusKeyRow(revealed.id, "name") : undefined}
      />
      <KeyActionDialogs
        workspace={workspace.slug}
        viewer={viewer}
        acting={acting}
        onActingDone={() => setActing(null)}
        // Back to the row's menu button, or to its name once the key has no actions left.
        focusAfter={(id, closing) =>
          focusKeyRow(id, closing === "revoked" || closing === "reveal" ? "name" : "actions")
        }
      />
    </div>
  );
}

"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import { RevealKeyDialog } from "@/components/keys/reveal-key-dialog";
import { Button } from "@/components/ui/button";
import type { CreatedKeyView, KeyView } from "@/lib/api/schemas/keys";
import { CreateKeyDialog } from "./create-key-dialog";
import { KeyTable } from "./key-table";
import { RevokeKeyDialog } from "./revoke-key-dialog";

export interface WorkspaceInfo {
  id: string;
  slug: string;
  name: string;
  keyPrefix: string;
}

/** The key page: table, and the create → reveal-once and revoke flows. */
export function KeysView({ workspace, canWrite }: { workspace: WorkspaceInfo; canWrite: boolean }) {
  const [creating, setCreating] = useState(false);
  const [revealed, setRevealed] = useState<CreatedKeyView | null>(null);
  const [revoking, setRevoking] = useState<KeyView | null>(null);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            Keys authenticate your services with Keysmith. A key's secret is shown once, when it is created.
          </p>
        </div>
        {canWrite ? (
          <Button onClick={() => setCreating(true)}>
            <Plus aria-hidden className="h-4 w-4" /> Create API key
          </Button>
        ) : null}
      </div>

      <KeyTable
        workspace={workspace.slug}
        canWrite={canWrite}
        onRevoke={setRevoking}
        onCreate={() => setCreating(true)}
      />

      <CreateKeyDialog
        workspace={workspace}
        open={creating}
        onOpenChange={setCreating}
        onCreated={(created) => {
          setCreating(false);
          setRevealed(created);
        }}
      />
      <RevealKeyDialog created={revealed} onDone={() => setRevealed(null)} />
      <RevokeKeyDialog
        key={revoking?.id ?? "none"}
        workspace={workspace.slug}
        keyToRevoke={revoking}
        onDone={() => setRevoking(null)}
      />
    </div>
  );
}

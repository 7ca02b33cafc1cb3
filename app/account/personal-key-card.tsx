"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { type RevealableKey, RevealKeyDialog } from "@/components/keys/reveal-key-dialog";
import { Button } from "@/components/ui/button";
import { Field, FormError, Select } from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import type { CreatedKeyView, KeyView } from "@/lib/api/schemas/keys";
import { apiFetch } from "@/lib/client/api";

const PERSONAL_KEY = ["personal-key"] as const;

/** The user's one personal key: create it, or rotate it with a grace period, then reveal once. */
export function PersonalKeyCard({ hasWorkspace }: { hasWorkspace: boolean }) {
  const queryClient = useQueryClient();
  const [grace, setGrace] = useState("0");
  const [revealed, setRevealed] = useState<RevealableKey | null>(null);
  const current = useQuery({
    queryKey: PERSONAL_KEY,
    queryFn: () => apiFetch<{ key: KeyView | null }>("/api/v1/me/key"),
    enabled: hasWorkspace,
  });
  const issue = useMutation({
    mutationFn: (gracePeriod: string) =>
      apiFetch<CreatedKeyView>("/api/v1/me/key", { method: "POST", body: { gracePeriod } }),
    onSuccess: (created) => {
      setRevealed({ key: created.key, name: created.name, maskedKey: created.maskedKey });
      issue.reset();
      toast.success(current.data?.key ? "Personal key rotated" : "Personal key created");
      void queryClient.invalidateQueries({ queryKey: PERSONAL_KEY });
    },
  });
  const key = current.data?.key ?? null;

  return (
    <section aria-labelledby="personal-key" className="space-y-4 rounded-xl border border-border bg-card p-6">
      <div>
        <h2 id="personal-key" className="text-lg font-semibold">
          Personal API key
        </h2>
        <p className="mt-1 text-sm text-muted-foreground">
          One key for you, usable in every workspace you belong to with your role there. Send{" "}
          <code className="font-mono">x-workspace-id</code> to choose a workspace when you are in several.
        </p>
      </div>
      {!hasWorkspace ? (
        <p className="text-sm text-muted-foreground">Join or create a workspace first.</p>
      ) : current.isPending ? (
        <div className="h-10 animate-pulse rounded bg-muted" aria-hidden />
      ) : key ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-muted-foreground">Key</dt>
          <dd>
            <code data-testid="personal-masked-key" className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">
              {key.maskedKey}
            </code>
          </dd>
          <dt className="text-muted-foreground">Created</dt>
          <dd>
            <RelativeTime value={key.createdAt} />
          </dd>
          <dt className="text-muted-foreground">Last used</dt>
          <dd>
            <RelativeTime value={key.lastUsedAt} />
          </dd>
        </dl>
      ) : (
        <p className="text-sm text-muted-foreground">You have no personal key yet.</p>
      )}
      <FormError message={issue.error?.message ?? current.error?.message} />
      {hasWorkspace && !current.isPending ? (
        <div className="flex flex-wrap items-end gap-3">
          {key ? (
            <div className="w-56">
              <Field label="Old key keeps working for">
                {(p) => (
                  <Select {...p} value={grace} onChange={(e) => setGrace(e.target.value)}>
                    <option value="0">No grace: stop now</option>
                    <option value="1h">1 hour</option>
                    <option value="24h">24 hours</option>
                    <option value="7d">7 days</option>
                  </Select>
                )}
              </Field>
            </div>
          ) : null}
          <Button onClick={() => issue.mutate(key ? grace : "0")} disabled={issue.isPending}>
            {issue.isPending ? "Working…" : key ? "Rotate personal key" : "Create personal key"}
          </Button>
        </div>
      ) : null}
      <RevealKeyDialog created={revealed} onDone={() => setRevealed(null)} />
    </section>
  );
}

"use client";

import { LogOut } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { WorkspaceRefView } from "@/lib/api/schemas/workspaces";
import { canLeave, countOwners, type Viewer } from "@/lib/members/permissions";
import { ConfirmDialog } from "./confirm-dialog";
import { useMembers, useRemoveMember } from "./use-members";

/** Leaving is removing yourself; the last owner has to hand the workspace over first. */
export function LeaveWorkspace({ workspace, viewer }: { workspace: WorkspaceRefView; viewer: Viewer }) {
  const router = useRouter();
  const members = useMembers(workspace.slug);
  const remove = useRemoveMember(workspace.slug);
  const [confirming, setConfirming] = useState(false);
  const self = members.data?.data.find((m) => m.userId === viewer.userId);
  const allowed = members.data ? canLeave(viewer, countOwners(members.data.data)) : false;

  return (
    <section
      aria-labelledby="leave-heading"
      className="flex flex-wrap items-center justify-between gap-4 rounded-xl border border-border bg-card p-5"
    >
      <div className="max-w-xl">
        <h2 id="leave-heading" className="font-semibold">
          Leave workspace
        </h2>
        <p className="mt-1 text-sm text-muted-foreground">
          {members.data && !allowed
            ? `You are the only owner of ${workspace.name}. Make someone else an owner before you leave.`
            : `You lose access to ${workspace.name}, and the API keys you created here stop working.`}
        </p>
      </div>
      <Button variant="secondary" disabled={!self || !allowed} onClick={() => setConfirming(true)}>
        <LogOut aria-hidden className="h-4 w-4" /> Leave workspace
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Leave ${workspace.name}?`}
        description="You will need a new invitation to come back. Keys you created in this workspace stop working at once."
        confirmLabel="Leave workspace"
        pendingLabel="Leaving…"
        pending={remove.isPending || remove.isSuccess}
        error={remove.error?.message}
        onConfirm={() =>
          self &&
          remove.mutate(self, {
            onSuccess: () => {
              toast.success(`You left ${workspace.name}`);
              router.replace("/");
              router.refresh();
            },
          })
        }
        onCancel={() => {
          setConfirming(false);
          remove.reset();
        }}
      />
    </section>
  );
}

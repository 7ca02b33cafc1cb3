"use client";

import { Monitor } from "lucide-react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LoadError } from "@/components/ui/load-error";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { type SessionRow, useEndOtherSessions, useEndSession, useSessions } from "./use-sessions";

/** Where you are signed in: each session's device, address and times; end any other one, or all of them. */
export function SessionsCard() {
  const sessions = useSessions();
  const endOne = useEndSession();
  const endOthers = useEndOtherSessions();
  const others = sessions.data?.filter((s) => !s.current).length ?? 0;

  function end(row: SessionRow) {
    endOne.mutate(row.token, {
      onSuccess: () => toast.success(`Signed out ${row.device}`),
      onError: (error) => toast.error(error.message),
    });
  }

  function endAllOthers() {
    endOthers.mutate(undefined, {
      onSuccess: () => toast.success("Signed out of every other session"),
      onError: (error) => toast.error(error.message),
    });
  }

  return (
    <section aria-labelledby="sessions-title" className="rounded-xl border border-border bg-card">
      <div className="flex flex-wrap items-start justify-between gap-3 p-6 pb-4">
        <div>
          <h2 id="sessions-title" className="font-semibold">
            Sessions
          </h2>
          <p className="mt-1 text-sm text-muted-foreground">
            Where you are signed in. End a session you do not recognise; that device is signed out at once.
          </p>
        </div>
        <Button variant="secondary" size="sm" disabled={others === 0 || endOthers.isPending} onClick={endAllOthers}>
          {endOthers.isPending ? "Signing out…" : "Sign out all other sessions"}
        </Button>
      </div>
      {sessions.isPending ? (
        <div className="space-y-2 border-t border-border px-6 py-4">
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-full" />
        </div>
      ) : sessions.isError ? (
        <LoadError
          title="Could not load your sessions"
          error={sessions.error}
          onRetry={() => sessions.refetch()}
          retrying={sessions.isFetching}
          className="mx-6 mb-6"
        />
      ) : (
        <ul aria-label="Your sessions" className="divide-y divide-border border-t border-border">
          {sessions.data.map((row) => (
            <li key={row.token} aria-label={row.device} className="flex flex-wrap items-center gap-3 px-6 py-3 text-sm">
              <Monitor aria-hidden className="h-4 w-4 shrink-0 text-muted-foreground" />
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {row.device}
                  {row.current ? <Badge tone="green">This device</Badge> : null}
                </p>
                <p className="text-muted-foreground">
                  {row.ip ?? "Unknown address"} · Signed in <RelativeTime value={row.createdAt} /> · Last active{" "}
                  <RelativeTime value={row.lastActiveAt} />
                </p>
              </div>
              {row.current ? null : (
                <Button
                  variant="secondary"
                  size="sm"
                  aria-label={`End session on ${row.device} from ${row.ip ?? "an unknown address"}`}
                  disabled={endOne.isPending && endOne.variables === row.token}
                  onClick={() => end(row)}
                >
                  End
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

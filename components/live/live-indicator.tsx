"use client";

import { Tooltip } from "@/components/ui/tooltip";
import type { LiveState } from "@/lib/client/live/connection";
import { cn } from "@/lib/cn";
import { POLL_MS, useLive } from "./live-provider";

const SECONDS = POLL_MS / 1000;
const LOOK: Record<LiveState, { short: string; label: string; detail: string; dot: string }> = {
  connecting: {
    short: "Connecting…",
    label: "connecting",
    detail: "Connecting to live updates.",
    dot: "bg-slate-400",
  },
  live: {
    short: "Live",
    label: "connected",
    detail: "Changes made by others appear here as they happen.",
    dot: "bg-emerald-500",
  },
  reconnecting: {
    short: "Reconnecting…",
    label: "reconnecting",
    detail: `The live connection dropped. Reconnecting; meanwhile checking for changes every ${SECONDS} seconds.`,
    dot: "bg-amber-500",
  },
  offline: {
    short: "Polling",
    label: `offline, checking for changes every ${SECONDS} seconds`,
    detail: `Live updates are unavailable. Checking for changes every ${SECONDS} seconds instead.`,
    dot: "bg-red-500",
  },
};

const PILL =
  "inline-flex h-7 items-center gap-1.5 whitespace-nowrap rounded-full border border-border px-2.5 text-xs font-medium text-muted-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

/**
 * The connection's state in a page's toolbar: a status region (changes are announced politely),
 * with the detail on hover or focus. While the stream is down it is a button that tries
 * to reconnect now rather than after the backoff.
 */
export function LiveIndicator() {
  const live = useLive();
  if (!live) return null;
  const { state, reconnect } = live;
  const look = LOOK[state];
  const down = state === "reconnecting" || state === "offline";
  const content = (
    <>
      <span aria-hidden className={cn("h-2 w-2 rounded-full", look.dot)} />
      <span aria-hidden>{look.short}</span>
      <span className="sr-only">Live updates: {look.label}</span>
    </>
  );
  return (
    <div role="status" aria-label={`Live updates: ${look.label}`} data-testid="live-indicator" data-state={state}>
      <Tooltip content={down ? `${look.detail} Click to try now.` : look.detail}>
        {down ? (
          <button type="button" onClick={reconnect} className={cn(PILL, "hover:bg-muted hover:text-foreground")}>
            {content}
            <span className="sr-only">. Reconnect now</span>
          </button>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so that keyboard users can read its tooltip
          <span tabIndex={0} className={PILL}>
            {content}
          </span>
        )}
      </Tooltip>
    </div>
  );
}

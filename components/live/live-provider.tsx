"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { applyLiveEvent, refreshLiveViews } from "@/lib/client/live/apply";
import { LiveConnection, type LiveState, streamUrl } from "@/lib/client/live/connection";
import { describeLiveEvent, isSelf } from "@/lib/client/live/describe";
import type { LiveEvent } from "@/lib/client/live/protocol";
import { KeyChangeStore } from "./key-change-store";

/** While the stream is down, what it would have pushed is fetched this often instead. */
export const POLL_MS = 5_000;

interface LiveContextValue {
  state: LiveState;
  reconnect: () => void;
  keyChanges: KeyChangeStore;
  userId: string;
}

const LiveContext = createContext<LiveContextValue | null>(null);

/** The live connection's state, or null outside a workspace (no provider). */
export const useLive = () => useContext(LiveContext);

/**
 * One event-stream connection per tab, for every page of the workspace (it lives in the
 * workspace layout, so moving between pages keeps it). Events refresh the cached views in
 * place and another admin's key changes get a quiet toast; while the stream is down the
 * same views are polled.
 */
export function LiveProvider({
  workspace,
  userId,
  children,
}: {
  workspace: { id: string; slug: string };
  userId: string;
  children: ReactNode;
}) {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");
  const [keyChanges] = useState(() => new KeyChangeStore());
  const connection = useRef<LiveConnection | null>(null);

  useEffect(() => {
    const onEvent = (event: LiveEvent, replayed: boolean) => {
      if (event.workspaceId && event.workspaceId !== workspace.id) return;
      void applyLiveEvent(client, workspace.slug, event);
      // The user's own changes were announced by the action itself.
      if (isSelf(event.data.actor, userId)) return;
      keyChanges.record(event);
      const said = replayed ? null : describeLiveEvent(event);
      // A plain toast (no icon, no sound of success or failure): someone else's change is news, not an alert.
      if (said) toast(said.title, { id: event.id, description: said.description });
    };
    const live = new LiveConnection({
      url: streamUrl(window.location.origin),
      workspaceId: workspace.id,
      onEvent,
      onState: setState,
      onResync: () => void refreshLiveViews(client, workspace.slug),
    });
    connection.current = live;
    const offline = () => live.wentOffline();
    const online = () => live.reconnectNow();
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    live.start();
    return () => {
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      live.stop();
      connection.current = null;
    };
  }, [client, workspace.id, workspace.slug, userId, keyChanges]);

  // The fallback: the stream is down (or not up yet after a drop), so ask every few seconds.
  useEffect(() => {
    if (state === "live" || state === "connecting") return;
    const timer = setInterval(() => {
      if (!document.hidden) void refreshLiveViews(client, workspace.slug);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [state, client, workspace.slug]);

  const value = useMemo<LiveContextValue>(
    () => ({ state, keyChanges, userId, reconnect: () => connection.current?.reconnectNow() }),
    [state, keyChanges, userId],
  );

  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

"use client";

import { createContext, type ReactNode, useContext } from "react";
import { useHydrated } from "./use-hydrated";

const RenderedAt = createContext<number | null>(null);

/** When the server rendered this page (ms): the "now" of every relative time in its HTML. */
export function RenderTimeProvider({ at, children }: { at: number; children: ReactNode }) {
  return <RenderedAt.Provider value={at}>{children}</RenderedAt.Provider>;
}

/**
 * "Now" for relative times. Until the page has hydrated it is the server's render time, with
 * days counted in UTC, so the browser's first render repeats the server's HTML exactly (no
 * hydration mismatch, whatever the clocks and time zones); then the browser's own clock and zone.
 */
export function useRenderNow(): { now: Date; timeZone: "local" | "UTC"; hydrated: boolean } {
  const hydrated = useHydrated();
  const renderedAt = useContext(RenderedAt);
  if (hydrated || renderedAt === null) return { now: new Date(), timeZone: "local", hydrated };
  return { now: new Date(renderedAt), timeZone: "UTC", hydrated };
}

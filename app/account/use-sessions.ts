"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { authClient } from "@/lib/auth/client";
import { deviceName } from "@/lib/auth/device-name";

export interface SessionRow {
  token: string;
  device: string;
  ip: string | null;
  createdAt: string;
  lastActiveAt: string;
  current: boolean;
}

const SESSIONS = ["account", "sessions"] as const;

/** better-auth's error as a thrown Error, for TanStack Query. */
function unwrap<T>(result: { data: T | null; error: { message?: string } | null }, what: string): T {
  if (result.error || result.data === null) throw new Error(result.error?.message ?? `Could not ${what}`);
  return result.data;
}

/** Your signed-in sessions through better-auth's own endpoints, this device first, then the most recently active. */
export function useSessions() {
  return useQuery({
    queryKey: SESSIONS,
    queryFn: async (): Promise<SessionRow[]> => {
      const [list, current] = await Promise.all([
        authClient.listSessions().then((r) => unwrap(r, "list your sessions")),
        authClient.getSession({ query: { disableCookieCache: true } }).then((r) => unwrap(r, "read your session")),
      ]);
      const rows = list.map((session) => ({
        token: session.token,
        device: deviceName(session.userAgent),
        ip: session.ipAddress ?? null,
        createdAt: new Date(session.createdAt).toISOString(),
        lastActiveAt: new Date(session.updatedAt).toISOString(),
        current: session.token === current.session.token,
      }));
      return rows.sort((a, b) => Number(b.current) - Number(a.current) || b.lastActiveAt.localeCompare(a.lastActiveAt));
    },
  });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (token: string) => unwrap(await authClient.revokeSession({ token }), "end that session"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: SESSIONS }),
  });
}

export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await authClient.revokeOtherSessions(), "end your other sessions"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: SESSIONS }),
  });
}

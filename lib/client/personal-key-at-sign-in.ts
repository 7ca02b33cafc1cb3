import type { CreatedKeyView } from "@/lib/api/schemas/keys";
import { ApiClientError, apiFetch } from "./api";

/**
 * The personal key issued at sign-up (or an older account's next sign-in), waiting to be
 * revealed on the page that opens next. Its secret lives in this tab's memory only: never in
 * storage, a URL or the server, so a reload (or another tab) never shows it again, and the
 * hand-over needs nothing from the instance that served the request.
 */
export interface PendingReveal {
  key: string;
  name: string;
  maskedKey: string;
  /** The page it was issued on: the reveal waits until the next one is open. */
  issuedOn: string;
}

let pending: PendingReveal | null = null;
const listeners = new Set<() => void>();

function set(next: PendingReveal | null) {
  pending = next;
  for (const listener of listeners) listener();
}

export function clearPendingReveal() {
  set(null);
}

export function pendingReveal(): PendingReveal | null {
  return pending;
}

export function onPendingReveal(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Issues the account's first personal key ({first: true}: refused once the user has or had
 * one) and keeps its secret for the next page. Never throws: an account without a workspace,
 * or one that already has its key, simply gets none here (the account page can create it).
 */
export async function issueFirstPersonalKey(issuedOn: string): Promise<void> {
  try {
    const created = await apiFetch<CreatedKeyView>("/api/v1/me/key", { method: "POST", body: { first: true } });
    set({ key: created.key, name: created.name, maskedKey: created.maskedKey, issuedOn });
  } catch (error) {
    if (!(error instanceof ApiClientError)) throw error;
  }
}

import type { KeyCaller } from "../keys/evaluate";

/**
 * Which workspaces hold imported keys (keys in another product's format, known only by their
 * hash). A key not in Keysmith's format is looked up only where one could exist: for a
 * verifier key, in its own workspace if that workspace imported keys; otherwise (anonymous
 * verify, the REST API) if any workspace did. Everywhere else such text is MALFORMED with no
 * hashing, so importing opens no path to cheap database reads for anyone who never imported.
 *
 * Loaded at start-up and kept by the change bus (an import announces every key with its
 * workspace, on every instance); reloaded whenever the relay may have missed changes.
 */
export class ImportedWorkspaces {
  private ids = new Set<string>();

  get size(): number {
    return this.ids.size;
  }

  /** Every workspace with imported keys (from the database); workspaces added meanwhile are kept. */
  load(workspaceIds: Iterable<string>): void {
    for (const id of workspaceIds) this.ids.add(id);
  }

  add(workspaceId: string): void {
    this.ids.add(workspaceId);
  }

  has(workspaceId: string): boolean {
    return this.ids.has(workspaceId);
  }

  /** Whether a key in another product's format may exist for this caller, so is worth a lookup. */
  admits(caller: KeyCaller): boolean {
    return caller.kind === "verifier" ? this.ids.has(caller.workspaceId) : this.ids.size > 0;
  }
}

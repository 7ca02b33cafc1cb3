/**
 * The one place the dashboard asks "confirm it's you": apiFetch calls `reauthenticate()` when a
 * route answers REAUTHENTICATION_REQUIRED, and retries once if it resolves true. The dialog
 * that asks (components/account/reauth-dialog.tsx, mounted once in the providers) registers
 * itself here; with none mounted, the error reaches the caller as any other.
 */
type Asker = () => Promise<boolean>;

let asker: Asker | null = null;
/** One question at a time: actions failing together share the answer. */
let asking: Promise<boolean> | null = null;

export function registerReauthenticator(ask: Asker): () => void {
  asker = ask;
  return () => {
    if (asker === ask) asker = null;
  };
}

export function reauthenticate(): Promise<boolean> {
  if (!asker) return Promise.resolve(false);
  asking ??= asker().finally(() => {
    asking = null;
  });
  return asking;
}

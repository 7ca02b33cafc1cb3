import type { AuditAction } from "./actions";

/** How the dashboard and the CSV export name each action. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "workspace.created": "Workspace created",
  "workspace.settings_changed": "Settings changed",
  "key.created": "Key created",
  "key.updated": "Key updated",
  "key.rotated": "Key rotated",
  "key.revoked": "Key revoked",
  "key.expiring": "Key expiring",
  "key.expired": "Key expired",
  "key.leaked": "Key leaked",
  "member.invited": "Member invited",
  "member.invitation_canceled": "Invitation canceled",
  "member.joined": "Member joined",
  "member.role_changed": "Role changed",
  "member.removed": "Member removed",
  "org.settings_changed": "Organization renamed",
  "org.role_changed": "Organization role changed",
  "user.signed_in": "Signed in",
  "user.sign_in_failed": "Sign-in failed",
  "user.two_factor_enabled": "Two-factor enabled",
  "user.two_factor_disabled": "Two-factor disabled",
  "user.password_reset": "Password reset",
  "user.passkey_added": "Passkey added",
  "user.passkey_removed": "Passkey removed",
  "user.backup_codes_generated": "New backup codes",
  "webhook.created": "Webhook added",
  "webhook.updated": "Webhook changed",
  "webhook.deleted": "Webhook deleted",
  "webhook.secret_rotated": "Webhook secret rotated",
  "webhook.disabled": "Webhook disabled after failures",
};

/** A readable name for an event's target, from what the event recorded at the time. */
export function auditTargetLabel(targetType: string | null, metadata: unknown): string | null {
  const recorded = (metadata ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" && value ? value : null);
  switch (targetType) {
    case "key":
      return text(recorded.name) ?? (recorded.personal === true ? "Personal key" : null);
    case "member":
    case "invitation":
    case "user":
      return text(recorded.email);
    case "workspace":
      return text(recorded.name) ?? "Workspace";
    case "webhook":
      return text(recorded.url);
    default:
      return null;
  }
}

/** A one-line summary of what an event recorded, for lists; null when there is nothing to add. */
export function auditSummary(action: AuditAction, metadata: unknown): string | null {
  const recorded = (metadata && typeof metadata === "object" ? metadata : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  switch (action) {
    case "key.created": {
      const scopes = list(recorded.scopes);
      const env = text(recorded.environment);
      const kind = env ? `${env[0].toUpperCase()}${env.slice(1)} key` : "Key";
      const what = recorded.imported === true ? `${kind} imported` : kind;
      if (scopes.length === 0) return `${what} with no scopes`;
      const shown =
        scopes.length > 3 ? `${scopes.slice(0, 3).join(", ")} and ${scopes.length - 3} more` : scopes.join(", ");
      return `${what} with scopes ${shown}`;
    }
    case "key.updated": {
      if (recorded.reason === "unused" && typeof recorded.unusedDays === "number") {
        const days = `${recorded.unusedDays} day${recorded.unusedDays === 1 ? "" : "s"}`;
        return recorded.neverUsed === true ? `Disabled: never used in ${days}` : `Disabled: unused for ${days}`;
      }
      const changed = list(recorded.changed);
      return changed.length ? `Changed ${changed.join(", ")}` : null;
    }
    case "key.expiring": {
      if (typeof recorded.daysLeft !== "number") return null;
      return recorded.daysLeft <= 1 ? "Expires within a day" : `Expires in ${recorded.daysLeft} days`;
    }
    case "key.rotated": {
      if (typeof recorded.graceSeconds !== "number") return null;
      const grace =
        recorded.graceSeconds > 0 ? `Grace period ${formatDuration(recorded.graceSeconds)}` : "No grace period";
      return recorded.expiry === "renew" ? `${grace}; fresh expiry window` : grace;
    }
    case "key.leaked": {
      const source = text(recorded.source) || "an unnamed reporter";
      const where = text(recorded.url) ? ` at ${text(recorded.url)}` : "";
      const done = recorded.response === "disabled" ? "disabled" : "revoked";
      return `Reported by ${source}${where}; ${done}`;
    }
    case "member.invited":
      return `${text(recorded.email)} invited as ${text(recorded.role) || "member"}`;
    case "member.role_changed":
    case "org.role_changed":
      return `${text(recorded.email)}: ${text(recorded.from)} → ${text(recorded.to)}`;
    case "member.removed":
      return recorded.left === true ? `${text(recorded.email)} left` : `${text(recorded.email)} removed`;
    case "member.joined":
      return `Joined as ${text(recorded.role) || "member"}`;
    case "member.invitation_canceled":
      return `Invitation for ${text(recorded.email)}`;
    case "user.sign_in_failed":
      return `${SIGN_IN_FAILURES[text(recorded.method)] ?? "Wrong password"} for ${text(recorded.email)}${recorded.reauthentication === true ? " (confirming it's them)" : ""}`;
    case "user.signed_in":
      return SIGN_IN_METHODS[text(recorded.method)] ?? null;
    case "org.settings_changed":
    case "workspace.settings_changed": {
      const changed = Object.keys(recorded);
      return changed.length ? `Changed ${changed.join(", ")}` : null;
    }
    case "webhook.created":
    case "webhook.updated": {
      const events = list(recorded.events);
      return events.length ? `Events: ${events.join(", ")}` : null;
    }
    case "webhook.disabled":
      return typeof recorded.failingSince === "string" ? `Failing since ${recorded.failingSince}` : null;
    case "webhook.deleted":
    case "webhook.secret_rotated":
    case "key.revoked":
    case "key.expired":
    case "workspace.created":
    case "user.two_factor_enabled":
    case "user.two_factor_disabled":
    case "user.password_reset":
    case "user.passkey_added":
    case "user.passkey_removed":
    case "user.backup_codes_generated":
      return null;
  }
}

const SIGN_IN_METHODS: Record<string, string> = {
  password: "With a password",
  totp: "With a password and an authenticator code",
  backup_code: "With a password and a backup code",
  passkey: "With a passkey",
};
const SIGN_IN_FAILURES: Record<string, string> = {
  totp: "Wrong authenticator code",
  backup_code: "Wrong backup code",
};

/** 3600 → "1 hour", 90 → "90 seconds", 172800 → "2 days". */
export function formatDuration(seconds: number): string {
  const units: [number, string][] = [
    [86_400, "day"],
    [3_600, "hour"],
    [60, "minute"],
    [1, "second"],
  ];
  for (const [size, name] of units) {
    if (seconds % size === 0) {
      const count = seconds / size;
      return `${count} ${name}${count === 1 ? "" : "s"}`;
    }
  }
  return `${seconds} seconds`;
}

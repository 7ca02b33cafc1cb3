/**
 * Every action the audit log records. Its own module, with no dependency, because the audit
 * page's filters import it: lib/audit/record.ts would bring Node's crypto polyfill (ids) into
 * the browser bundle.
 */
export const AUDIT_ACTIONS = [
  "workspace.created",
  "workspace.settings_changed",
  "key.created",
  "key.updated",
  "key.rotated",
  "key.revoked",
  "key.expiring",
  "key.expired",
  // A leak report (POST /api/v1/keys/report-leak) revoked or disabled the key (lib/leaks/report.ts).
  "key.leaked",
  "member.invited",
  "member.invitation_canceled",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "org.settings_changed",
  "org.role_changed",
  // Account security, recorded in each of the user's workspaces (lib/audit/account-events.ts).
  "user.signed_in",
  "user.sign_in_failed",
  "user.two_factor_enabled",
  "user.two_factor_disabled",
  "user.password_reset",
  "user.passkey_added",
  "user.passkey_removed",
  "user.backup_codes_generated",
  // Webhook endpoints (lib/webhooks); webhook.disabled is Keysmith's own, after days of failures.
  "webhook.created",
  "webhook.updated",
  "webhook.deleted",
  "webhook.secret_rotated",
  "webhook.disabled",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

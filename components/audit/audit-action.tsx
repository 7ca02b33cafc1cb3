import { Badge } from "@/components/ui/badge";
import type { AuditEventView } from "@/lib/api/schemas/audit";
import { AUDIT_ACTION_LABELS } from "@/lib/audit/describe";

const TONES: Partial<Record<AuditEventView["action"], "green" | "amber" | "red" | "blue">> = {
  "key.created": "green",
  "key.rotated": "amber",
  "key.revoked": "red",
  "key.leaked": "red",
  "member.removed": "red",
  "member.joined": "green",
  "member.invited": "blue",
  "workspace.created": "green",
};

/** The action as a readable badge, with its machine name for people filtering the API. */
export function AuditAction({ action }: { action: AuditEventView["action"] }) {
  return (
    <Badge tone={TONES[action] ?? "neutral"} className="whitespace-nowrap">
      <span title={action}>{AUDIT_ACTION_LABELS[action]}</span>
    </Badge>
  );
}

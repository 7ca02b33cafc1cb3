import { Badge } from "@/components/ui/badge";
import type { KeyView } from "@/lib/api/schemas/keys";

const STATUS = {
  active: { label: "Active", tone: "green" },
  expiring_soon: { label: "Expiring soon", tone: "amber" },
  expired: { label: "Expired", tone: "neutral" },
  revoked: { label: "Revoked", tone: "red" },
  in_grace: { label: "In grace", tone: "amber" },
} as const;

export function StatusBadge({ status }: { status: KeyView["status"] }) {
  const { label, tone } = STATUS[status];
  return <Badge tone={tone}>{label}</Badge>;
}

export function EnvironmentBadge({ environment }: { environment: KeyView["environment"] }) {
  return environment === "live" ? <Badge tone="blue">Live</Badge> : <Badge>Test</Badge>;
}

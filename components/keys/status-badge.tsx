import { Badge } from "@/components/ui/badge";
import type { KeyView } from "@/lib/api/schemas/keys";
import { cn } from "@/lib/cn";
import { environmentLabel, isProductionEnvironment } from "./environment-labels";

const STATUS = {
  active: { label: "Active", tone: "green", dot: "bg-emerald-500" },
  expiring_soon: { label: "Expiring soon", tone: "amber", dot: "bg-amber-500" },
  expired: { label: "Expired", tone: "neutral", dot: "bg-slate-400" },
  revoked: { label: "Revoked", tone: "red", dot: "bg-red-500" },
  in_grace: { label: "In grace", tone: "amber", dot: "bg-amber-500" },
  rotated: { label: "Rotated", tone: "neutral", dot: "bg-slate-400" },
  disabled: { label: "Disabled", tone: "neutral", dot: "bg-slate-400" },
} as const;

export const STATUS_LABELS = Object.fromEntries(
  Object.entries(STATUS).map(([status, { label }]) => [status, label]),
) as Record<KeyView["status"], string>;

/** The API's status, or "disabled" for a key switched off by hand. */
export function StatusBadge({ status }: { status: KeyView["status"] | "disabled" }) {
  const { label, tone, dot } = STATUS[status];
  return (
    <Badge tone={tone} className="gap-1.5">
      <span aria-hidden className={cn("h-1.5 w-1.5 rounded-full", dot)} />
      {label}
    </Badge>
  );
}

export function EnvironmentBadge({ environment }: { environment: KeyView["environment"] }) {
  return (
    <Badge tone={isProductionEnvironment(environment) ? "blue" : "neutral"}>{environmentLabel(environment)}</Badge>
  );
}

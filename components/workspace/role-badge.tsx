import { Badge } from "@/components/ui/badge";
import type { Role } from "@/lib/auth/scopes";

const TONES = { owner: "blue", admin: "green", member: "neutral" } as const;
export const ROLE_LABELS: Record<Role, string> = { owner: "Owner", admin: "Admin", member: "Member" };

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={TONES[role]}>{ROLE_LABELS[role]}</Badge>;
}

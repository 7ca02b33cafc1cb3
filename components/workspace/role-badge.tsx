import { Badge } from "@/components/ui/badge";
import type { Role } from "@/lib/auth/scopes";

const TONES = { owner: "blue", admin: "green", member: "neutral" } as const;
export const ROLE_LABELS: Record<Role, string> = { owner: "Owner", admin: "Admin", member: "Member" };

/** "an admin", "a member", "an owner". */
export function withArticle(role: Role): string {
  return role === "member" ? "a member" : `an ${role}`;
}

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={TONES[role]}>{ROLE_LABELS[role]}</Badge>;
}

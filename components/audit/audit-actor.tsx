import { KeyRound, UserRound } from "lucide-react";
import type { AuditEventView } from "@/lib/api/schemas/audit";

/** Who did it: a user's name and email, or the API key's name. */
export function AuditActor({ actor }: { actor: AuditEventView["actor"] }) {
  const Icon = actor.type === "key" ? KeyRound : UserRound;
  const name = actor.label || (actor.type === "key" ? "API key" : actor.email) || actor.id;
  return (
    <span className="inline-flex min-w-0 items-start gap-2">
      <Icon aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-muted-foreground" />
      <span className="min-w-0">
        <span className="block truncate font-medium">{name}</span>
        <span className="block truncate text-xs text-muted-foreground">
          {actor.type === "key" ? "API key" : (actor.email ?? "User")}
        </span>
      </span>
    </span>
  );
}

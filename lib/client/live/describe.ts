import { keyNameOf, type LiveActor, type LiveEvent } from "./protocol";

export interface LiveToast {
  title: string;
  description?: string;
}

const FIELD_NAMES: Record<string, string> = {
  name: "name",
  description: "description",
  scopes: "scopes",
  ipAllowlist: "IP allowlist",
  enabled: "enabled",
  expiresAt: "expiry",
};

export function actorName(actor: LiveActor | undefined): string {
  if (!actor?.label) return "Someone";
  return actor.type === "key" ? `The key “${actor.label}”` : actor.label;
}

/** Whether `actor` is the signed-in user (their own changes do not need announcing). */
export const isSelf = (actor: LiveActor | undefined, userId: string) => actor?.type === "user" && actor.id === userId;

function graceNote(seconds: unknown): string {
  if (typeof seconds !== "number" || seconds <= 0) return "The old key stopped working.";
  const [amount, unit] =
    seconds % 86_400 === 0
      ? [seconds / 86_400, "day"]
      : seconds % 3600 === 0
        ? [seconds / 3600, "hour"]
        : seconds % 60 === 0
          ? [seconds / 60, "minute"]
          : [seconds, "second"];
  return `The old key keeps working for ${amount} ${unit}${amount === 1 ? "" : "s"}.`;
}

/**
 * What a quiet toast says about another admin's change to a key, or null for events that
 * need none (the new key of a rotation: the rotation's own toast says it; other kinds of
 * event: the pages they concern refresh without a word).
 */
export function describeLiveEvent(event: LiveEvent): LiveToast | null {
  const who = actorName(event.data.actor);
  const name = keyNameOf(event);
  const key = name ? `“${name}”` : "a key";
  const metadata = event.data.metadata ?? {};
  switch (event.event) {
    case "key.created":
      return metadata.replaces ? null : { title: `${who} created ${key}` };
    case "key.updated": {
      const changed = Array.isArray(metadata.changed)
        ? metadata.changed.map((field) => FIELD_NAMES[field] ?? field)
        : [];
      return {
        title: `${who} edited ${key}`,
        description: changed.length ? `Changed: ${changed.join(", ")}` : undefined,
      };
    }
    case "key.rotated":
      return { title: `${who} rotated ${key}`, description: graceNote(metadata.graceSeconds) };
    case "key.revoked":
      return { title: `${who} revoked ${key}`, description: "Requests with it are refused from now on." };
    case "key.expired":
      return { title: `${name ? `“${name}”` : "A key"} expired` };
    case "key.leaked":
      return {
        title: `${name ? `“${name}”` : "A key"} was reported leaked`,
        description:
          metadata.response === "disabled"
            ? "It is disabled until someone turns it back on."
            : "It is revoked: requests with it are refused from now on.",
      };
    case "key.expiring": {
      const days = typeof metadata.daysLeft === "number" ? metadata.daysLeft : null;
      const when = days === null ? "soon" : days <= 1 ? "within a day" : `in ${days} days`;
      return { title: `${name ? `“${name}”` : "A key"} expires ${when}` };
    }
    default:
      return null;
  }
}

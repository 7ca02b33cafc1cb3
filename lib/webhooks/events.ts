import { AUDIT_ACTIONS } from "../audit/actions";

/**
 * What a webhook endpoint may subscribe to: any action the audit log records, a family of them
 * (`key.*`), or everything (`*`). Read from AUDIT_ACTIONS each time, so an action added there is
 * deliverable with no change here. No imports beyond that list: the dashboard's form bundles it.
 * The database trigger (migration 20261205100000_webhooks) matches events the same way.
 */
export const ALL_EVENTS = "*";

/** The test event "Send test event" delivers, whatever the endpoint subscribed to. */
export const TEST_EVENT = "webhook.test";

/**
 * The event stream's names for two actions (lib/stream/events.ts): accepted, and stored as the
 * audit log's, which is what deliveries carry.
 */
export const EVENT_ALIASES: Readonly<Record<string, string>> = {
  "workspace.updated": "workspace.settings_changed",
  "member.added": "member.joined",
};

/** The audit log's name for an event (an alias becomes its action). */
export function canonicalEvent(name: string): string {
  return EVENT_ALIASES[name] ?? name;
}

/** `key.*`, `member.*` … one per family of actions, in the order the families first appear. */
export function eventFamilies(): string[] {
  return [...new Set(AUDIT_ACTIONS.map((action) => `${action.split(".")[0]}.*`))];
}

export function isSubscribableEvent(name: string): boolean {
  const event = canonicalEvent(name);
  return (
    event === ALL_EVENTS || (AUDIT_ACTIONS as readonly string[]).includes(event) || eventFamilies().includes(event)
  );
}

/** Does an endpoint subscribed to `events` receive `action`? (The trigger's rule, for the dashboard.) */
export function subscribesTo(events: readonly string[], action: string): boolean {
  return events.includes(ALL_EVENTS) || events.includes(action) || events.includes(`${action.split(".")[0]}.*`);
}

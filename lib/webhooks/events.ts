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

/** `key.*`, `member.*` … one per family of actions, in the order the families first appear. */
export function eventFamilies(): string[] {
  return [...new Set(AUDIT_ACTIONS.map((action) => `${action.split(".")[0]}.*`))];
}

export function isSubscribableEvent(name: string): boolean {
  return name === ALL_EVENTS || (AUDIT_ACTIONS as readonly string[]).includes(name) || eventFamilies().includes(name);
}

/** Does an endpoint subscribed to `events` receive `action`? (The trigger's rule, for the dashboard.) */
export function subscribesTo(events: readonly string[], action: string): boolean {
  return events.includes(ALL_EVENTS) || events.includes(action) || events.includes(`${action.split(".")[0]}.*`);
}

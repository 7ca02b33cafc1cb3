/**
 * What a leak report does to a live key, per workspace. No dependency: the settings page
 * imports it. "revoke" (the default): at once and for good. "disable": the key stops working
 * until someone turns it back on (for keys whose sudden end would hurt more than a short
 * exposure); in both cases the key's creator and the workspace's admins are told.
 */
export const LEAK_RESPONSES = ["revoke", "disable"] as const;
export type LeakResponse = (typeof LEAK_RESPONSES)[number];
export const DEFAULT_LEAK_RESPONSE: LeakResponse = "revoke";

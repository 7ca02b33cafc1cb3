/**
 * The settings that decide who may mint and verify keys, and what becomes of a leaked one:
 * changing one needs a recent sign-in.
 */
export const SECURITY_SETTINGS = [
  "allowKeyMinting",
  "requireVerifierKey",
  "keyCreation",
  "requireTwoFactor",
  "leakResponse",
] as const;

type SecuritySettings = { [K in (typeof SECURITY_SETTINGS)[number]]: unknown } & { customScopes: string[] };

/**
 * Whether an update changes a security setting or adds a custom scope (a new scope is new power
 * for keys; removing one only takes power away, so it needs no recent sign-in).
 */
export function changesSecurity(before: SecuritySettings, input: Partial<SecuritySettings>): boolean {
  const changed = SECURITY_SETTINGS.some((name) => input[name] !== undefined && input[name] !== before[name]);
  const added = (input.customScopes ?? []).some((scope) => !before.customScopes.includes(scope));
  return changed || added;
}

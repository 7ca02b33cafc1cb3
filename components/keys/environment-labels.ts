/**
 * How an environment reads in the dashboard. A workspace names its own environments, so
 * only a few well-known names get a hint; `test` is the one known to be throwaway.
 */
const HINTS: Record<string, string> = {
  live: "Production traffic",
  prod: "Production traffic",
  production: "Production traffic",
  test: "Development and CI",
  staging: "Pre-release checks",
  dev: "Local development",
  development: "Local development",
  sandbox: "Experiments",
};

export function environmentLabel(environment: string): string {
  return environment.charAt(0).toUpperCase() + environment.slice(1);
}

export function environmentHint(environment: string): string {
  return HINTS[environment] ?? `Keys marked ${environment}`;
}

/** Production-like names get the badge's accent; a name we do not know is drawn neutral. */
export function isProductionEnvironment(environment: string): boolean {
  return HINTS[environment] === "Production traffic";
}

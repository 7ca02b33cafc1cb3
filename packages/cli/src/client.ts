import { Keysmith, KeysmithError } from "@keysmith/sdk";
import { CliError, configPath, normaliseUrl, type Settings } from "./config.js";

export const VERSION = "0.1.0";
export const USER_AGENT = `keysmith-cli/${VERSION}`;

/** A fetch that says who is calling (the key's last use shows it). */
const cliFetch: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set("user-agent", USER_AGENT);
  return fetch(input, { ...init, headers });
};

export function sdk(options: { url: string; apiKey?: string; workspace?: string }): Keysmith {
  return new Keysmith({
    baseUrl: options.url,
    apiKey: options.apiKey,
    workspaceId: options.workspace,
    fetch: cliFetch,
  });
}

/** The client a signed-in command uses, or a CliError telling how to sign in. */
export function signedInClient(settings: Settings): Keysmith {
  if (!settings.apiKey) {
    throw new CliError("Not logged in: run keysmith login (or set KEYSMITH_API_KEY and KEYSMITH_URL)");
  }
  if (!settings.url) {
    throw new CliError("Keysmith's address is not set: run keysmith config set url <url> (or set KEYSMITH_URL)");
  }
  return sdk({ url: normaliseUrl(settings.url), apiKey: settings.apiKey, workspace: settings.workspace });
}

/** The API's own message for an error, with a hint where one helps. */
export function describeError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof KeysmithError) {
    if (error.status === 401) {
      return new CliError(`${error.message} (the key in ${configPath()} or KEYSMITH_API_KEY): run keysmith login`);
    }
    const issues = (error.details as { issues?: { field: string; message: string }[] } | undefined)?.issues;
    const more = issues && issues.length > 1 ? `\n${issues.map((i) => `  ${i.field}: ${i.message}`).join("\n")}` : "";
    return new CliError(`${error.message}${more}`);
  }
  return new CliError(error instanceof Error ? error.message : String(error));
}

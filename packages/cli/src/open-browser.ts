import { spawn } from "node:child_process";

/**
 * Opens `url` in the user's browser when someone is at a terminal: `open` on macOS, `start` on
 * Windows, `xdg-open` elsewhere. Best effort only: a missing opener or a headless machine is
 * fine, the URL is printed anyway.
 */
export function openBrowser(url: string): void {
  if (!process.stdout.isTTY || process.env.CI) return;
  const [command, args] =
    process.platform === "darwin"
      ? ["open", [url]]
      : process.platform === "win32"
        ? ["cmd", ["/c", "start", '""', url.replaceAll("&", "^&")]]
        : ["xdg-open", [url]];
  try {
    const child = spawn(command, args, { stdio: "ignore", detached: true });
    child.on("error", () => {});
    child.unref();
  } catch {
    // no opener: the printed URL is enough
  }
}

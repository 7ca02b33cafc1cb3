import { stopAll } from "./processes";

/**
 * Runs a benchmark's main, then ends the process and every server it started, with 1 on
 * failure. Interrupted (Ctrl-C, SIGTERM), it kills them too: a server left behind would
 * keep running, and keep holding any lock file descriptor (flock) the benchmark inherited.
 */
export function runMain(main: () => Promise<void>): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopAll();
      process.exit(130);
    });
  }
  main()
    .then(() => {
      stopAll();
      process.exit(0);
    })
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      stopAll();
      process.exit(1);
    });
}

import { stopAll } from "./processes";

/** Runs a benchmark's main, then ends the process (and every server it started), with 1 on failure. */
export function runMain(main: () => Promise<void>): void {
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

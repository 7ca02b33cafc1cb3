import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Has Next's production server take the configuration `next build` serialised (in
 * `.next/required-server-files.json`), as Next's own standalone server does, instead of
 * loading next.config.ts: that would load Next's SWC compiler (≈ 24 MB resident and two
 * threads for the life of the process) only to transpile a file the build has already read.
 */
export function takeBuiltNextConfig(distDir = ".next"): void {
  const { config } = JSON.parse(readFileSync(join(distDir, "required-server-files.json"), "utf8")) as {
    config: unknown;
  };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}

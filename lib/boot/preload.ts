import "./node-version";
import "./native-clock";
import { PRELOADED } from "./preloaded";
import { pinTickObject } from "./tick-pin";

/**
 * Loaded by Node itself before the application (`node --import ./.next/keysmith/preload.mjs
 * .next/keysmith/server.mjs` compiled, `--import tsx --import ./lib/boot/preload.ts server.ts`
 * in development: see scripts/server-command.ts), so that what must happen first does.
 * server.ts refuses to start without it.
 */
(globalThis as typeof globalThis & { [PRELOADED]?: boolean })[PRELOADED] = pinTickObject();

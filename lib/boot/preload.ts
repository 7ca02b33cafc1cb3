import "./node-version";
import "./native-clock";
import { PRELOADED } from "./preloaded";
import { pinnedTickObject } from "./tick-pin";

/**
 * Loaded by Node itself before the application (`node --import tsx --import
 * ./lib/boot/preload.ts server.ts`: see scripts/server-command.ts and `npm start`), so that
 * what must happen first does. server.ts refuses to start without it.
 */
(globalThis as typeof globalThis & { [PRELOADED]?: boolean })[PRELOADED] = pinnedTickObject !== undefined;

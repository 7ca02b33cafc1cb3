/**
 * How Keysmith's server is started, everywhere it is started from code (tests, benchmarks):
 * the same as `npm start` (checked by e2e/api/boot.spec.ts). The preload runs before the app.
 */
export const SERVER_NODE_ARGS = ["--import", "tsx", "--import", "./lib/boot/preload.ts", "server.ts"];

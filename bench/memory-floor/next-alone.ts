import { createServer } from "node:http";
import next from "next";
import { takeBuiltNextConfig } from "../../lib/boot/built-next-config";
import { announceReady } from "./ready";

/**
 * The web framework's share of Keysmith's memory: Keysmith's production build served by
 * Next's own request handler, as server.ts serves it (with the configuration the build
 * serialised), with no database opened. Once
 * listening, it renders one page (the not-found page, which needs no data), so React's
 * server runtime is loaded as it is in Keysmith. Argument: the port.
 */
const port = Number(process.argv[2]);
takeBuiltNextConfig();
const app = next({ dev: false, port, hostname: "localhost" });
await app.prepare();
const handle = app.getRequestHandler();
const server = createServer((req, res) => void handle(req, res));
await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
const page = await fetch(`http://127.0.0.1:${port}/memory-floor-probe`);
await page.text();
if (page.status !== 404) throw new Error(`the probe page answered ${page.status}`);
announceReady();

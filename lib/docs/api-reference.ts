import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * The API reference at /docs: Scalar's standalone bundle, served from this origin (no CDN,
 * so it works offline and under the CSP), rendering /api/v1/openapi.json.
 */
interface ScalarBundle {
  version: string;
  source: string;
}

let bundle: ScalarBundle | undefined;

/** Scalar's browser bundle, read once from the installed package. */
export function scalarBundle(): ScalarBundle {
  if (!bundle) {
    const require = createRequire(join(process.cwd(), "package.json"));
    const root = dirname(dirname(require.resolve("@scalar/api-reference")));
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    bundle = { version, source: readFileSync(join(root, "dist/browser/standalone.js"), "utf8") };
  }
  return bundle;
}

export const SCALAR_SCRIPT_PATH = "/docs/scalar.js";

const escapeAttribute = (value: string) => value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page: Scalar's script and its configuration, both carrying the response's CSP nonce. */
export function apiReferencePage(nonce: string): string {
  const configuration = {
    url: "/api/v1/openapi.json",
    // Its fonts come from fonts.scalar.com, which the CSP refuses: the system's are used.
    withDefaultFonts: false,
    hideClientButton: true,
    metaData: { title: "API reference · Keysmith" },
  };
  const n = escapeAttribute(nonce);
  // JSON inside <script>: "<" escaped so that no value can close the element.
  const config = JSON.stringify(configuration).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference · Keysmith</title>
</head>
<body>
<div id="api-reference"></div>
<script nonce="${n}" src="${SCALAR_SCRIPT_PATH}?v=${escapeAttribute(scalarBundle().version)}"></script>
<script nonce="${n}">Scalar.createApiReference("#api-reference", ${config});</script>
</body>
</html>
`;
}

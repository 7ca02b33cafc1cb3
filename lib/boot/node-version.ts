/**
 * The oldest Node Keysmith runs on (package.json "engines", .nvmrc). Checked before anything
 * else loads, so that an older Node stops with a plain sentence rather than a missing API
 * half-way through start-up.
 */
export const MIN_NODE_MAJOR = 24;

const major = Number(process.versions.node.split(".")[0]);
if (major < MIN_NODE_MAJOR) {
  console.error(
    `[keysmith] Node ${MIN_NODE_MAJOR} or later is needed; this is ${process.version} (${process.execPath}). ` +
      "npm start runs the Node that npm ci installs on Linux x64 (node_modules/.bin/node); " +
      `elsewhere install Node ${MIN_NODE_MAJOR} (see .nvmrc) or point your process manager at it.`,
  );
  process.exit(1);
}

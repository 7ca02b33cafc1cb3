import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

/**
 * The ceiling: a bare node:http server doing what verification cannot avoid (read the
 * body, parse JSON, SHA-256 the key, look it up in a Map) and nothing else. It knows the
 * keys of a load file (bench/support/load-file.ts) that Keysmith knows, by their ids.
 */
const [keysFile, port] = [process.argv[2], Number(process.argv[3])];
const keys = new Map<string, { keyId: string }>();
for (const line of readFileSync(keysFile, "utf8").split("\n")) {
  const [key, keyId] = line.split(" ");
  if (key && keyId && keyId !== "-") keys.set(createHash("sha256").update(key).digest("hex"), { keyId });
}

createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    let key: string;
    try {
      key = (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { key: string }).key;
    } catch {
      res.writeHead(400).end();
      return;
    }
    const found = keys.get(createHash("sha256").update(key).digest("hex"));
    const body = JSON.stringify(
      found ? { valid: true, code: "VALID", keyId: found.keyId } : { valid: false, code: "NOT_FOUND", keyId: null },
    );
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
}).listen(port, "127.0.0.1", () => console.log(`bare server on ${port}`));

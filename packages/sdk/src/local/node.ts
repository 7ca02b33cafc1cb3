import { KeysmithConfigError } from "../errors.js";

/**
 * The few Node built-ins the in-process verifier needs, reached through
 * `process.getBuiltinModule` (Node ≥ 22.3) rather than imported: the SDK's main entry stays
 * importable on edge runtimes and in bundlers, and only `createVerifier({ mode: "local" })`
 * needs Node. Typed here by hand so the SDK does not depend on @types/node.
 */
export interface BlockListLike {
  addSubnet(network: string, prefix: number, type: "ipv4" | "ipv6"): void;
  check(address: string, type: "ipv4" | "ipv6"): boolean;
}

export interface NodeParts {
  /** SHA-256 of a string, lowercase hex. */
  sha256(text: string): string;
  crc32(text: string): number;
  isIP(text: string): number;
  newBlockList(): BlockListLike;
}

interface CryptoModule {
  hash?: (algorithm: string, data: string, encoding: "hex") => string;
  createHash(algorithm: string): { update(data: string): { digest(encoding: "hex"): string } };
}

let parts: NodeParts | undefined;

export function nodeParts(): NodeParts {
  if (parts) return parts;
  const proc = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process;
  const load = proc?.getBuiltinModule;
  const crypto = load?.("node:crypto") as CryptoModule | undefined;
  const zlib = load?.("node:zlib") as { crc32?: (data: string) => number } | undefined;
  const net = load?.("node:net") as { isIP(text: string): number; BlockList: new () => BlockListLike } | undefined;
  if (!crypto || !zlib?.crc32 || !net || typeof WebSocket !== "function") {
    throw new KeysmithConfigError(
      'createVerifier({ mode: "local" }) needs Node.js 22.4 or later (process.getBuiltinModule, zlib.crc32 and a global WebSocket)',
    );
  }
  const { hash, createHash } = crypto;
  const crc32 = zlib.crc32;
  parts = {
    // One-shot crypto.hash allocates no Hash object per call: it is most of a local verification.
    sha256: hash ? (text) => hash("sha256", text, "hex") : (text) => createHash("sha256").update(text).digest("hex"),
    crc32: (text) => crc32(text),
    isIP: (text) => net.isIP(text),
    newBlockList: () => new net.BlockList(),
  };
  return parts;
}

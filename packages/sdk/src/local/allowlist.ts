import type { BlockListLike, NodeParts } from "./node.js";

/**
 * A key's IP allowlist as the server applies it (lib/keys/ip-allowlist.ts): CIDRs of both
 * families; an address matches only ranges of its own family, and an IPv4-mapped IPv6
 * address (::ffff:1.2.3.4) counts as its IPv4 address. One node:net BlockList per family,
 * so that BlockList's own IPv4/IPv6 mapping never decides.
 */
export class AllowList {
  private readonly v4: BlockListLike;
  private readonly v6: BlockListLike;

  constructor(
    cidrs: readonly string[],
    private readonly node: NodeParts,
  ) {
    this.v4 = node.newBlockList();
    this.v6 = node.newBlockList();
    for (const cidr of cidrs) {
      const slash = cidr.lastIndexOf("/");
      const address = slash < 0 ? cidr : cidr.slice(0, slash);
      const family = node.isIP(address);
      if (family === 0) continue; // the server skips what it cannot parse, too
      const bits = slash < 0 ? (family === 4 ? 32 : 128) : Number(cidr.slice(slash + 1));
      if (family === 4) this.v4.addSubnet(address, bits, "ipv4");
      else this.v6.addSubnet(address, bits, "ipv6");
    }
  }

  allows(ip: string | undefined): boolean {
    if (!ip) return false;
    const family = this.node.isIP(ip);
    if (family === 4) return this.v4.check(ip, "ipv4");
    if (family !== 6) return false;
    const mapped = mappedIPv4(ip);
    return mapped === null ? this.v6.check(ip, "ipv6") : this.v4.check(mapped, "ipv4");
  }
}

/** The IPv4 address inside ::ffff:a.b.c.d (in any spelling of it), else null. */
export function mappedIPv4(ip: string): string | null {
  if (!/f{4}/i.test(ip)) return null;
  // The URL parser writes an IPv6 address in its one canonical (compressed, hex) form.
  let host: string;
  try {
    host = new URL(`http://[${ip}]/`).hostname;
  } catch {
    return null;
  }
  const match = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(host);
  if (!match) return null;
  const high = Number.parseInt(match[1], 16);
  const low = Number.parseInt(match[2], 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

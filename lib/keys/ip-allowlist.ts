import ipaddr from "ipaddr.js";

/**
 * IP allowlists are lists of CIDRs (IPv4 and IPv6); a bare address means that one host.
 * An empty list allows every address. IPv4-mapped IPv6 addresses (::ffff:1.2.3.4)
 * match IPv4 ranges.
 */
export type ParsedRange = [ipaddr.IPv4 | ipaddr.IPv6, number];

export function parseCidr(value: string): ParsedRange | null {
  try {
    if (value.includes("/")) return ipaddr.parseCIDR(value);
    const address = ipaddr.parse(value);
    return [address, address.kind() === "ipv4" ? 32 : 128];
  } catch {
    return null;
  }
}

export function parseRanges(cidrs: readonly string[]): ParsedRange[] {
  return cidrs.map(parseCidr).filter((range): range is ParsedRange => range !== null);
}

/** The canonical form stored for a CIDR, e.g. "10.0.0.7/8" → "10.0.0.0/8". */
export function normaliseCidr(value: string): string | null {
  const parsed = parseCidr(value.trim());
  if (!parsed) return null;
  const [address, bits] = parsed;
  const network =
    address.kind() === "ipv4"
      ? ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${bits}`)
      : ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${bits}`);
  return `${network.toString()}/${bits}`;
}

export function parseAddress(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    const address = ipaddr.parse(ip);
    if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
      return (address as ipaddr.IPv6).toIPv4Address();
    }
    return address;
  } catch {
    return null;
  }
}

/** Whether `ip` lies in one of the ranges (parsed once, when the key is cached). */
export function isIpInRanges(ip: string | null | undefined, ranges: readonly ParsedRange[]): boolean {
  if (ranges.length === 0) return true;
  if (!ip) return false;
  const address = parseAddress(ip);
  if (!address) return false;
  return ranges.some((range) => range[0].kind() === address.kind() && address.match(range));
}

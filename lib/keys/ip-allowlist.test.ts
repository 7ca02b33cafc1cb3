import { describe, expect, it } from "vitest";
import { isIpInRanges, normaliseCidr, parseRanges } from "./ip-allowlist";

const isIpAllowed = (ip: string | null, list: string[]) => isIpInRanges(ip, parseRanges(list));

describe("isIpAllowed", () => {
  const list = ["10.0.0.0/8", "203.0.113.7", "2001:db8::/32"];

  it("allows everything when the list is empty", () => {
    expect(isIpAllowed("198.51.100.1", [])).toBe(true);
  });

  it.each([
    ["10.1.2.3", true],
    ["203.0.113.7", true],
    ["203.0.113.8", false],
    ["11.0.0.1", false],
    ["2001:db8:1::5", true],
    ["2001:db9::1", false],
    ["::ffff:10.9.9.9", true],
    ["not-an-ip", false],
  ])("%s → %s", (ip, allowed) => {
    expect(isIpAllowed(ip, list)).toBe(allowed);
  });

  it("refuses an unknown caller address when a list is set", () => {
    expect(isIpAllowed(null, list)).toBe(false);
  });
});

describe("normaliseCidr", () => {
  it.each([
    ["10.0.0.7/8", "10.0.0.0/8"],
    ["192.168.1.1", "192.168.1.1/32"],
    ["2001:DB8::1/32", "2001:db8::/32"],
    ["::1", "::1/128"],
  ])("%s → %s", (input, output) => {
    expect(normaliseCidr(input)).toBe(output);
  });

  it.each(["10.0.0.0/33", "300.1.1.1", "abc", "2001:db8::/129", ""])("rejects %s", (input) => {
    expect(normaliseCidr(input)).toBeNull();
  });
});

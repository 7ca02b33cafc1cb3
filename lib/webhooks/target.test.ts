import { describe, expect, it } from "vitest";
import { checkTargetUrl, isPublicAddress, resolveTarget, TargetRefused } from "./target";

describe("webhook targets", () => {
  it("allows public addresses only", () => {
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
    for (const address of [
      "127.0.0.1",
      "127.9.9.9",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "255.255.255.255",
      "224.0.0.1",
      "192.0.2.1",
      "::1",
      "::",
      "fe80::1",
      "fc00::1",
      "fd12:3456::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:10.0.0.1",
      "::127.0.0.1",
      "64:ff9b::7f00:1",
      "2002:7f00:1::",
      "2001:db8::1",
      "ff02::1",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it("refuses plain HTTP, credentials and private literals (numeric forms too) unless allowed", () => {
    const refused = (url: string) => expect(() => checkTargetUrl(url, false), url).toThrow(TargetRefused);
    refused("http://example.com/hook");
    refused("https://user:pass@example.com/hook");
    refused("https://127.0.0.1/hook");
    refused("https://2130706433/hook");
    refused("https://0x7f.1/hook");
    refused("https://[::1]/hook");
    refused("https://[::ffff:127.0.0.1]/hook");
    refused("https://[fd00::1]/hook");
    refused("ftp://example.com/");
    refused("not a url");
    expect(checkTargetUrl("https://example.com/hook", false).hostname).toBe("example.com");
    expect(checkTargetUrl("http://127.0.0.1:8080/hook", true).port).toBe("8080");
  });

  it("checks what a name resolves to", async () => {
    await expect(resolveTarget("https://localhost/hook", false)).rejects.toThrow(/localhost resolves to/);
    const allowed = await resolveTarget("http://localhost:9/hook", true);
    expect(["127.0.0.1", "::1"]).toContain(allowed.address);
  });
});

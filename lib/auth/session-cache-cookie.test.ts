import { describe, expect, it } from "vitest";
import { withoutUndecodableSessionCache } from "./session-cache-cookie";

const cache = Buffer.from(JSON.stringify({ session: {}, expiresAt: 1, signature: "s" })).toString("base64url");

describe("withoutUndecodableSessionCache", () => {
  it("keeps a decodable cache and every other cookie as they are", () => {
    const header = `better-auth.session_token=t.sig; better-auth.session_data=${cache}; theme=dark`;
    expect(withoutUndecodableSessionCache(header)).toBe(header);
    expect(withoutUndecodableSessionCache("theme=dark")).toBe("theme=dark");
  });

  it("drops a cache that cannot be decoded, and only that", () => {
    for (const bad of ["x", "%00", "..", `${cache}x`, cache.slice(0, -4), Buffer.from("[1]").toString("base64url")]) {
      expect(withoutUndecodableSessionCache(`better-auth.session_token=t.sig; better-auth.session_data=${bad}`)).toBe(
        "better-auth.session_token=t.sig",
      );
    }
  });

  it("reads a cache split into chunks in their order", () => {
    const [a, b] = [cache.slice(0, 10), cache.slice(10)];
    const split = `better-auth.session_data.1=${b}; better-auth.session_data.0=${a}; x=1`;
    expect(withoutUndecodableSessionCache(split)).toBe(split);
    expect(
      withoutUndecodableSessionCache(`better-auth.session_data.1=${a}; better-auth.session_data.0=${b}; x=1`),
    ).toBe("x=1");
    expect(withoutUndecodableSessionCache(`__Secure-better-auth.session_data=x; y=2`)).toBe("y=2");
  });
});

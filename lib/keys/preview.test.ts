import { describe, expect, it } from "vitest";
import { MAX_KEY_LENGTH } from "./format";
import { previewKey } from "./preview";

describe("previewKey", () => {
  it("has the real key's shape and masks like a stored key", () => {
    const preview = previewKey("acme");
    expect(preview.full).toMatch(/^acme_live_[0-9A-Za-z]{38}$/);
    expect(preview.full.length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
    expect(preview.masked).toBe("acme_live_3f9a…a7b8");
    expect(previewKey("sk", "test").masked).toBe("sk_test_3f9a…a7b8");
  });
});

import { describe, expect, it } from "vitest";
import { generateKey } from "../keys/format";
import { hashKey } from "../keys/hash";
import { KeyIndex } from "./key-index";

describe("KeyIndex", () => {
  const known = hashKey(generateKey("sk", "live"));
  const stranger = hashKey(generateKey("sk", "live"));

  it("rules unknown keys out once loaded, where it sees every creation", () => {
    const index = new KeyIndex(true);
    expect(index.presence(stranger)).toBe("unknown"); // not loaded yet
    index.load([known.slice(0, 13)]);
    expect(index.presence(known)).toBe("present");
    expect(index.presence(stranger)).toBe("absent");
    index.add(stranger);
    expect(index.presence(stranger)).toBe("present");
    expect(index.size).toBe(2);
  });

  it("cannot rule a key out where other instances create keys", () => {
    const index = new KeyIndex(false);
    index.load([known]);
    expect(index.presence(known)).toBe("present");
    expect(index.presence(stranger)).toBe("unknown");
  });
});

import { describe, expect, it } from "vitest";
import { apiFilterQuery, DEFAULT_PAGE_SIZE, dateRangeError, readFilters, writeFilters } from "./audit-url-state";

const read = (query: string) => readFilters(new URLSearchParams(query));

describe("audit filters in the URL", () => {
  it("reads what it writes", () => {
    const filters = read("action=key.updated&actor=user:usr_1&key=key_9&from=2025-01-02&to=2025-01-05&size=10");
    expect(filters).toEqual({
      action: "key.updated",
      actor: "user:usr_1",
      key: "key_9",
      from: "2025-01-02",
      to: "2025-01-05",
      pageSize: 10,
    });
    expect(writeFilters(filters).toString()).toBe(
      "action=key.updated&actor=user%3Ausr_1&key=key_9&from=2025-01-02&to=2025-01-05&size=10",
    );
  });

  it("drops values it does not understand instead of failing", () => {
    expect(read("action=key.exploded&actor=robot:1&from=2025-02-30&to=yesterday&size=7&key=a%20b")).toEqual({
      pageSize: DEFAULT_PAGE_SIZE,
    });
    expect(writeFilters(read("")).toString()).toBe("");
  });

  it("turns whole local days into the API's half-open ISO range, with the end day included", () => {
    const query = apiFilterQuery(read("from=2025-01-02&to=2025-01-05&actor=key:key_1&key=key_2&action=key.revoked"));
    expect(query.get("from")).toBe(new Date(2025, 0, 2).toISOString());
    expect(query.get("to")).toBe(new Date(2025, 0, 6).toISOString());
    expect(query.get("actorType")).toBe("key");
    expect(query.get("actorId")).toBe("key_1");
    expect(query.get("targetId")).toBe("key_2");
    expect(query.get("action")).toBe("key.revoked");
    expect(query.has("limit")).toBe(false);
  });

  it("month ends roll over", () => {
    expect(apiFilterQuery(read("to=2024-12-31")).get("to")).toBe(new Date(2025, 0, 1).toISOString());
  });

  it("flags an end date before the start date", () => {
    expect(dateRangeError(read("from=2025-01-05&to=2025-01-02"))).toMatch(/before/);
    expect(dateRangeError(read("from=2025-01-05&to=2025-01-05"))).toBeNull();
  });
});

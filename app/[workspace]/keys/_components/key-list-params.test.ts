import { describe, expect, it } from "vitest";
import {
  DEFAULT_PARAMS,
  hasFilters,
  keyListApiQuery,
  keyListParamsToQuery,
  parseKeyListParams,
  toggledSort,
  withChange,
} from "./key-list-params";

const parse = (query: string) => parseKeyListParams(new URLSearchParams(query));

describe("key list params in the page URL", () => {
  it("round-trips every field and leaves defaults out", () => {
    const query = "status=in_grace&env=test&creator=usr_1&q=billing&sort=name&order=desc&after=abc";
    expect(keyListParamsToQuery(parse(query))).toBe(query);
    expect(keyListParamsToQuery(DEFAULT_PARAMS)).toBe("");
    expect(keyListParamsToQuery(parse("sort=name"))).toBe("sort=name");
    expect(parse("sort=name").order).toBe("asc");
  });

  it("keeps a workspace's own environment", () => {
    expect(parse("env=staging").environment).toBe("staging");
    expect(keyListParamsToQuery(parse("env=prod"))).toBe("env=prod");
  });

  it("ignores values the API would refuse", () => {
    expect(parse("status=deleted&env=Prod_1&sort=lastUsed&order=up")).toEqual(DEFAULT_PARAMS);
    expect(parse("env=x").environment).toBeNull();
    expect(parse(`q=${"x".repeat(80)}`).search).toHaveLength(50);
    expect(parse("after=a&before=b")).toMatchObject({ after: "a", before: null });
  });

  it("maps to the API's query names", () => {
    const api = new URLSearchParams(keyListApiQuery(parse("env=live&q=%20ci%20&before=cur"), 50));
    expect(Object.fromEntries(api)).toEqual({
      sort: "createdAt",
      order: "desc",
      limit: "50",
      environment: "live",
      search: "ci",
      before: "cur",
    });
  });

  it("starts again at the first page when what is shown changes, not when paging", () => {
    const onPage2 = parse("env=live&after=cur");
    expect(withChange(onPage2, { status: "active" })).toMatchObject({ status: "active", after: null });
    expect(withChange(onPage2, { before: "x", after: null })).toMatchObject({ before: "x", after: null });
    expect(hasFilters(onPage2)).toBe(true);
    expect(hasFilters(parse("sort=name&after=cur"))).toBe(false);
  });

  it("flips the order of the sorted column and starts another column at its natural order", () => {
    expect(toggledSort(DEFAULT_PARAMS, "createdAt")).toEqual({ order: "asc" });
    expect(toggledSort(DEFAULT_PARAMS, "name")).toEqual({ sort: "name", order: "asc" });
  });
});

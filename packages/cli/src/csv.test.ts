import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv.js";

describe("parseCsv", () => {
  it("reads quoted cells, escaped quotes, line breaks inside quotes and CRLF, with each record's line", () => {
    const text = '\uFEFFhash,name\r\nabc,"Billing, EU"\r\n\r\ndef,"Say ""hi""\nthere"\nghi,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ["hash", "name"] },
      { line: 2, cells: ["abc", "Billing, EU"] },
      { line: 4, cells: ["def", 'Say "hi"\nthere'] },
      { line: 6, cells: ["ghi", ""] },
    ]);
  });

  it("refuses a quote left open", () => {
    expect(() => parseCsv('hash,name\nabc,"open\n')).toThrow(/line 2/);
  });
});

import { describe, expect, it } from "vitest";
import { readImportFile } from "./import-file.js";

const hex = "a".repeat(64);
const b64url = `${"B".repeat(42)}A`;
const nextMonth = new Date(Date.now() + 30 * 86_400_000).toISOString();

describe("readImportFile", () => {
  it("reads CSV with its header, space-separated scopes and an ISO expiry, each row with its line", () => {
    const rows = readImportFile(
      `hash,name,scopes,environment,expiresAt,prefix\n${hex},Billing,tasks.read tasks.write,test,${nextMonth},atlas_\n${b64url},"Reports, EU",,,,\n`,
    );
    expect(rows).toEqual([
      {
        where: "line 2",
        key: {
          hash: hex,
          name: "Billing",
          scopes: ["tasks.read", "tasks.write"],
          environment: "test",
          expiresAt: nextMonth,
          prefix: "atlas_",
        },
      },
      { where: "line 3", key: { hash: b64url, name: "Reports, EU", scopes: [] } },
    ]);
  });

  it("reads JSON as an array or as {keys}", () => {
    const keys = [{ hash: hex, name: "Billing", scopes: ["tasks.read"] }];
    expect(readImportFile(JSON.stringify(keys))[0].key).toEqual(keys[0]);
    expect(readImportFile(JSON.stringify({ keys }))[0].where).toBe("item 1 (keys[0])");
  });

  it("names the line and the field of the first bad row", () => {
    const header = "hash,name,scopes\n";
    expect(() => readImportFile(`${header}${hex},Billing,\nnot-a-hash,Other,\n`)).toThrow("line 3: hash:");
    expect(() => readImportFile(`${header}${hex},Billing,\n${hex},Again,\n`)).toThrow(
      "line 3: the same hash as line 2",
    );
    expect(() => readImportFile(`${header}${hex},Billing,Tasks Read\n`)).toThrow('line 2: scopes: "Tasks" is not');
    expect(() => readImportFile(`hash,name,colour\n${hex},Billing,red\n`)).toThrow("line 1: unknown column colour");
    expect(() => readImportFile(`hash,scopes\n${hex},\n`)).toThrow("the header needs a name column");
    expect(() => readImportFile(`hash,name,expiresAt\n${hex},Billing,2001-01-01\n`)).toThrow("expiresAt: already past");
    expect(() => readImportFile(`hash,name,expiresAt\n${hex},Billing,2099-01-01\n`)).toThrow("within 5 years");
    expect(() => readImportFile(JSON.stringify([{ hash: hex, name: "x" }]))).toThrow("item 1 (keys[0]): name:");
    expect(() => readImportFile("hash,name\n")).toThrow("no keys");
  });
});

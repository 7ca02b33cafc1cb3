import { describe, expect, it } from "vitest";
import type { AuditEventView } from "../api/schemas/audit";
import { AUDIT_CSV_COLUMNS, auditCsvFilename, auditCsvRow, auditCsvStream } from "./export";

const event = (overrides: Partial<AuditEventView> = {}): AuditEventView => ({
  id: "evt_1",
  workspaceId: "org_1",
  actor: { type: "user", id: "usr_1", label: "Ada Admin", email: "ada@example.com" },
  action: "key.created",
  target: { type: "key", id: "key_1", label: "Billing, prod" },
  metadata: { name: "Billing, prod", scopes: ["keys.read"] },
  ip: "203.0.113.5",
  userAgent: "curl/8.5",
  createdAt: "2025-01-31T12:00:00.000Z",
  ...overrides,
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("audit CSV", () => {
  it("writes one escaped line per event in column order", () => {
    expect(auditCsvRow(event())).toBe(
      '2025-01-31T12:00:00.000Z,key.created,user,usr_1,Ada Admin,ada@example.com,key,key_1,"Billing, prod",203.0.113.5,curl/8.5,"{""name"":""Billing, prod"",""scopes"":[""keys.read""]}"\r\n',
    );
  });

  it("leaves missing parts empty and defuses names that look like formulas", () => {
    const line = auditCsvRow(
      event({
        actor: { type: "key", id: "key_9", label: "=cmd|' /C calc'!A0", email: null },
        target: null,
        metadata: null,
        ip: null,
        userAgent: null,
      }),
    );
    expect(line).toBe("2025-01-31T12:00:00.000Z,key.created,key,key_9,'=cmd|' /C calc'!A0,,,,,,,\r\n");
  });

  it("streams the header, then every page, then ends", async () => {
    async function* pages() {
      yield [event({ id: "a" })];
      yield [];
      yield [event({ id: "b", action: "key.revoked" }), event({ id: "c", action: "key.updated" })];
    }
    const lines = (await readAll(auditCsvStream(pages()))).trimEnd().split("\r\n");
    expect(lines[0]).toBe(AUDIT_CSV_COLUMNS.join(","));
    expect(lines.slice(1).map((line) => line.split(",")[1])).toEqual(["key.created", "key.revoked", "key.updated"]);
  });

  it("streams just the header when nothing matches", async () => {
    async function* none() {}
    expect(await readAll(auditCsvStream(none()))).toBe(`${AUDIT_CSV_COLUMNS.join(",")}\r\n`);
  });

  it("names the file after the workspace and the day, with nothing unsafe for a header", () => {
    expect(auditCsvFilename("acme", new Date("2025-01-31T23:00:00Z"))).toBe("keysmith-audit-acme-2025-01-31.csv");
    expect(auditCsvFilename('a"b;c', new Date("2025-01-31T00:00:00Z"))).toBe("keysmith-audit-abc-2025-01-31.csv");
  });
});

import { describe, expect, it } from "vitest";
import { splitMessages } from "./pglite-session";

const typed = (type: string, body = "") => {
  const out = Buffer.alloc(5 + body.length);
  out.write(type, 0);
  out.writeInt32BE(4 + body.length, 1);
  out.write(body, 5);
  return out;
};
const startup = () => {
  const body = Buffer.from("user\0postgres\0\0");
  const out = Buffer.alloc(8 + body.length);
  out.writeInt32BE(out.length, 0);
  out.writeInt32BE(196608, 4);
  body.copy(out, 8);
  return out;
};

describe("splitMessages", () => {
  it("reads a connection's first message (StartupMessage) without a type byte", () => {
    const data = startup();
    const { messages, rest } = splitMessages(data, false);
    expect(messages.length).toBe(data.length);
    expect(rest.length).toBe(0);
  });

  it("passes complete messages on together and keeps a partial one for later", () => {
    const parse = typed("P", "\0select 1\0\0\0");
    const sync = typed("S");
    const data = Buffer.concat([parse, sync, sync.subarray(0, 3)]);
    const { messages, rest, terminate } = splitMessages(data, true);
    expect(messages.length).toBe(parse.length + sync.length);
    expect([...rest]).toEqual([...sync.subarray(0, 3)]);
    expect(terminate).toBe(false);
  });

  it("keeps Terminate from the session, which must outlive its clients", () => {
    const query = typed("Q", "select 1\0");
    const { messages, terminate } = splitMessages(Buffer.concat([query, typed("X")]), true);
    expect(messages.length).toBe(query.length);
    expect(terminate).toBe(true);
  });
});

import { openApiDocument } from "../../lib/api/openapi/document";
import { addMember, createKey, json, signUpWithWorkspace } from "./api";

/**
 * Bad input generated from the OpenAPI document: for every operation that takes a JSON body
 * or query parameters, each documented constraint broken in turn (wrong type, missing and
 * unknown fields, lengths and numbers one past their bounds, values outside an enum), plus
 * invalid JSON, the wrong content type and a body that is not an object. Values exactly at
 * a bound are sent too: those must not be refused for that field.
 */
interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  examples?: unknown[];
}

export interface CorpusCase {
  method: string;
  /** The document's path, with `{id}` for the caller to fill in. */
  path: string;
  label: string;
  /** The field a refusal must name in `details.issues`. */
  field: string;
  /** "refused": a 400 naming `field`; "within bounds": anything but a 5xx or a 400 naming `field`. */
  expect: "refused" | "within bounds";
  query?: Record<string, string>;
  /** A JSON value, or raw text sent as is with `contentType`. */
  body?: { json: unknown } | { raw: string; contentType: string };
}

const document = openApiDocument("http://localhost");
const components = (document.components?.schemas ?? {}) as Record<string, JsonSchema>;

function resolve(schema: JsonSchema): JsonSchema {
  return schema.$ref ? resolve(components[schema.$ref.split("/").pop() as string]) : schema;
}

/** The JSON types a schema admits. */
function typesOf(schema: JsonSchema): Set<string> {
  const resolved = resolve(schema);
  const alternatives = resolved.anyOf ?? resolved.oneOf;
  if (alternatives) return new Set(alternatives.flatMap((s) => [...typesOf(s)]));
  if (resolved.enum) return new Set(resolved.enum.map((v) => (v === null ? "null" : typeof v)));
  const type = resolved.type;
  return new Set(type === undefined ? [] : Array.isArray(type) ? type : [type]);
}

const SAMPLES: [type: string, value: unknown][] = [
  ["string", "a string"],
  ["integer", 12345],
  ["boolean", true],
  ["object", { nested: 1 }],
  ["array", ["x"]],
];

/** A value of a JSON type the schema does not admit. */
function wrongType(schema: JsonSchema): unknown {
  const admitted = typesOf(schema);
  if (admitted.has("number")) admitted.add("integer");
  return SAMPLES.find(([type]) => !admitted.has(type))?.[1];
}

/** Values of one field that break one documented constraint each, and those right at a bound. */
function fieldValues(
  schema: JsonSchema,
  example: unknown,
): { refused: [string, unknown][]; within: [string, unknown][] } {
  const s = resolve(schema);
  const refused: [string, unknown][] = [["wrong type", wrongType(s)]];
  const within: [string, unknown][] = [];
  const free = s.pattern === undefined && s.format === undefined;
  if (s.enum) refused.push(["outside the enum", "not-one-of-them"]);
  if (s.maxLength !== undefined) {
    refused.push(["one past maxLength", "x".repeat(s.maxLength + 1)]);
    if (free) within.push(["at maxLength", "x".repeat(s.maxLength)]);
  }
  if (s.minLength) {
    refused.push(["one short of minLength", "x".repeat(s.minLength - 1)]);
    if (free) within.push(["at minLength", "x".repeat(s.minLength)]);
  }
  if (s.type === "integer") refused.push(["not an integer", 1.5]);
  if (s.minimum !== undefined && Number.isSafeInteger(s.minimum - 1)) refused.push(["below minimum", s.minimum - 1]);
  if (s.maximum !== undefined && Number.isSafeInteger(s.maximum + 1)) refused.push(["above maximum", s.maximum + 1]);
  if (s.type === "array" && s.maxItems !== undefined && Array.isArray(example) && example.length > 0) {
    // Distinct items, so that a list that drops duplicates still has too many.
    const item = String(example[0]);
    const many = Array.from({ length: s.maxItems + 1 }, (_, i) => item.replace(/^([a-z]+)/, `$1${i}`));
    refused.push(["one past maxItems", many]);
  }
  if (s.type === "array" && s.items) {
    const item = wrongType(resolve(s.items));
    if (item !== undefined) refused.push(["an item of the wrong type", [item]]);
  }
  return { refused: refused.filter(([, value]) => value !== undefined), within };
}

type Operation = {
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
  parameters?: { in: string; name: string; schema: JsonSchema }[];
};

function bodyCases(method: string, path: string, schema: JsonSchema): CorpusCase[] {
  const s = resolve(schema);
  const example = s.examples?.[0] as Record<string, unknown> | undefined;
  if (!example) throw new Error(`${method} ${path}: the request body's schema has no example to start from`);
  const at = { method, path };
  const cases: CorpusCase[] = [
    { ...at, label: "the documented example", field: "body", expect: "within bounds", body: { json: example } },
    {
      ...at,
      label: "invalid JSON",
      field: "body",
      expect: "refused",
      body: { raw: "{not json", contentType: "application/json" },
    },
    {
      ...at,
      label: "wrong content type",
      field: "content-type",
      expect: "refused",
      body: {
        raw: new URLSearchParams(example as Record<string, string>).toString(),
        contentType: "application/x-www-form-urlencoded",
      },
    },
    { ...at, label: "not an object", field: "body", expect: "refused", body: { json: [example] } },
    {
      ...at,
      label: "an unknown field",
      field: "unexpectedField",
      expect: "refused",
      body: { json: { ...example, unexpectedField: 1 } },
    },
  ];
  for (const field of s.required ?? []) {
    const { [field]: _, ...rest } = example;
    cases.push({ ...at, label: `without ${field}`, field, expect: "refused", body: { json: rest } });
  }
  for (const [field, property] of Object.entries(s.properties ?? {})) {
    const { refused, within } = fieldValues(property, example[field]);
    for (const [label, value] of refused) {
      cases.push({
        ...at,
        label: `${field}: ${label}`,
        field,
        expect: "refused",
        body: { json: { ...example, [field]: value } },
      });
    }
    for (const [label, value] of within) {
      cases.push({
        ...at,
        label: `${field}: ${label}`,
        field,
        expect: "within bounds",
        body: { json: { ...example, [field]: value } },
      });
    }
  }
  return cases;
}

function queryCases(method: string, path: string, parameters: { name: string; schema: JsonSchema }[]): CorpusCase[] {
  const at = { method, path };
  const cases: CorpusCase[] = [
    { ...at, label: "an unknown parameter", field: "colour", expect: "refused", query: { colour: "red" } },
  ];
  for (const { name, schema } of parameters) {
    const { refused, within } = fieldValues(schema, undefined);
    // A query parameter is always text: only what text can break.
    for (const [label, value] of refused) {
      if (typeof value !== "string" && typeof value !== "number") continue;
      if (label === "wrong type" && typesOf(schema).has("string")) continue;
      cases.push({
        ...at,
        label: `${name}: ${label}`,
        field: name,
        expect: "refused",
        query: { [name]: String(value) },
      });
    }
    for (const [label, value] of within) {
      cases.push({
        ...at,
        label: `${name}: ${label}`,
        field: name,
        expect: "within bounds",
        query: { [name]: String(value) },
      });
    }
  }
  return cases;
}

export function badInputCorpus(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      const schema = operation.requestBody?.content?.["application/json"]?.schema;
      if (schema) cases.push(...bodyCases(method.toUpperCase(), path, schema));
      const query = (operation.parameters ?? []).filter((p) => p.in === "query");
      if (query.length > 0) cases.push(...queryCases(method.toUpperCase(), path, query));
    }
  }
  return cases;
}

/**
 * A workspace with something behind every kind of `{id}`: a key, a member, an invitation, a webhook
 * (and one of its deliveries).
 * `idFor(path)` gives the id a route's path asks for (the document's `{id}` or app/'s `[id]`);
 * `pathFor(path)` fills in every placeholder, the organization's `{org}` and a member's `{user}` too.
 */
export async function corpusTargets(baseURL: string) {
  const owner = await signUpWithWorkspace(baseURL);
  const member = await addMember(baseURL, owner, "member");
  const key = await createKey(owner.api, { name: "Corpus target" });
  const invitation = await json(
    await owner.api.post("/api/v1/members/invitations", { data: { email: `corpus-${Date.now()}@example.com` } }),
    201,
  );
  const webhook = await json(
    await owner.api.post("/api/v1/webhooks", { data: { url: "http://127.0.0.1:9/corpus", events: ["key.*"] } }),
    201,
  );
  const delivery = await json(await owner.api.post(`/api/v1/webhooks/${webhook.id}/test`), 202);
  const idFor = (path: string): string =>
    path.includes("/webhooks/")
      ? webhook.id
      : path.includes("/keys/")
        ? key.id
        : path.includes("/invitations/")
          ? invitation.id
          : path.includes("/members/")
            ? member.memberId
            : "";
  const [org] = (await json(await owner.api.get("/api/v1/orgs"), 200)).data;
  const pathFor = (path: string): string =>
    path
      .replace(/\{id\}|\[id\]/, idFor(path))
      .replace(/\{org\}|\[org\]/, org.id)
      .replace(/\{user\}|\[user\]/, member.userId)
      .replace(/\{delivery\}|\[delivery\]/, delivery.id);
  return { owner, key, member, invitation, idFor, pathFor };
}

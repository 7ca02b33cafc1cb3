import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { openApiDocument } from "../../lib/api/openapi/document";

/**
 * Checks an answer of /api/v1 against the OpenAPI document the server serves: the status
 * must be documented for the operation, and a JSON body must match its schema. Answers to
 * paths or methods the document does not list must be in the documented error shape.
 */
interface MediaType {
  schema?: unknown;
}
interface Operation {
  responses: Record<string, { content?: Record<string, MediaType> }>;
}
interface Route {
  template: string;
  pattern: RegExp;
  operations: Record<string, Operation>;
}

export interface ApiAnswer {
  method: string;
  url: string;
  status: number;
  contentType: string;
  body: Buffer;
}

const DOCUMENT_ID = "keysmith";
const document = openApiDocument("http://localhost");
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ $id: DOCUMENT_ID, components: document.components });

// Literal paths first: /members/invitations is not /members/{id}.
const routes: Route[] = Object.entries(document.paths ?? {})
  .map(([template, item]) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
    operations: item as unknown as Record<string, Operation>,
  }))
  .sort((a, b) => a.template.split("{").length - b.template.split("{").length);

const validators = new Map<unknown, ValidateFunction>();
function validatorFor(schema: unknown): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    // Inline schemas point into the document's components; resolve them there.
    const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', `"$ref":"${DOCUMENT_ID}#/`));
    validate = ajv.compile(rebased);
    validators.set(schema, validate);
  }
  return validate;
}
const errorValidator = validatorFor({ $ref: "#/components/schemas/Error" });

function jsonBody(answer: ApiAnswer): { value?: unknown; problem?: string } {
  if (!answer.contentType.startsWith("application/json")) return { problem: `is ${answer.contentType || "untyped"}` };
  try {
    return { value: JSON.parse(answer.body.toString("utf8")) };
  } catch {
    return { problem: "is not valid JSON" };
  }
}

function schemaProblems(validate: ValidateFunction, value: unknown): string | undefined {
  if (validate(value)) return undefined;
  return (validate.errors ?? []).map((e) => `${e.instancePath || "(body)"} ${e.message}`).join("; ");
}

/** What is wrong with this answer by the document, or undefined when it matches (or is not /api/v1's). */
export function contractViolation(answer: ApiAnswer): string | undefined {
  const path = new URL(answer.url).pathname;
  if (!path.startsWith("/api/v1/")) return undefined;
  const label = `${answer.method} ${path} → ${answer.status}`;
  const operation = routes.find((route) => route.pattern.test(path))?.operations[answer.method.toLowerCase()];
  if (!operation) {
    // Unknown routes and methods: 404 or 405 in the error shape.
    if (answer.method === "HEAD" || answer.method === "OPTIONS") return undefined;
    const { value, problem } = jsonBody(answer);
    if (problem) return `${label}: the body ${problem}, not the error shape`;
    const mismatch = schemaProblems(errorValidator, value);
    return mismatch && `${label}: not the error shape: ${mismatch}`;
  }
  const response = operation.responses[String(answer.status)];
  if (!response) {
    return `${label}: status ${answer.status} is not documented (documented: ${Object.keys(operation.responses).join(", ")})`;
  }
  if (!response.content) {
    return answer.body.length === 0 ? undefined : `${label}: documented with no body, got ${answer.body.length} bytes`;
  }
  const [mediaType, media] = Object.entries(response.content)[0];
  if (mediaType !== "application/json") {
    return answer.contentType.startsWith(mediaType) ? undefined : `${label}: ${answer.contentType}, not ${mediaType}`;
  }
  const { value, problem } = jsonBody(answer);
  if (problem) return `${label}: the body ${problem}`;
  const mismatch = schemaProblems(validatorFor(media.schema), value);
  return mismatch && `${label}: ${mismatch}`;
}

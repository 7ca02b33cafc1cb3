import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { apiRoutes } from "../../../e2e/support/api-routes";
import { openApiDocument } from "./document";

describe("the OpenAPI document", () => {
  const document = openApiDocument("http://localhost:3000");

  it("is a valid OpenAPI 3.1 document", async () => {
    // validate() dereferences in place: give it a copy.
    const validated = await SwaggerParser.validate(structuredClone(document) as never);
    expect((validated as { openapi?: string }).openapi).toBe("3.1.0");
  });

  it("describes every /api/v1 route and method the app serves, and nothing else", () => {
    const served = apiRoutes()
      .filter((route) => route.template.startsWith("/api/v1/"))
      .flatMap((route) => route.served.map((method) => `${method} ${route.template.replace(/\[([a-z]+)\]/g, "{$1}")}`))
      .sort();
    const documented = Object.entries(document.paths ?? {})
      .flatMap(([path, item]) =>
        Object.keys(item ?? {})
          .filter((key) => ["get", "post", "put", "patch", "delete"].includes(key))
          .map((method) => `${method.toUpperCase()} ${path}`),
      )
      .sort();
    expect(documented).toEqual(served);
  });

  it("documents every error answer in the one error shape", () => {
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(item ?? {})) {
        const responses = (
          operation as { responses?: Record<string, { content?: Record<string, { schema: unknown }> }> }
        ).responses;
        for (const [status, response] of Object.entries(responses ?? {})) {
          if (Number(status) < 400) continue;
          expect(response.content?.["application/json"]?.schema, `${method} ${path} ${status}`).toEqual({
            $ref: "#/components/schemas/Error",
          });
        }
      }
    }
  });
});

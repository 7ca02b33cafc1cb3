import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { GENERATED_PATH, generatedApi } from "./generated-api";

it("src/generated/api.ts is what the OpenAPI document generates now (else: npm run generate -w @keysmith/sdk)", async () => {
  expect(readFileSync(GENERATED_PATH, "utf8")).toBe(await generatedApi());
});

import type { components, paths } from "./generated/api.js";

/** The API's own types, generated from its OpenAPI document (src/generated/api.ts). */
type Schemas = components["schemas"];

/** POST /api/v1/keys/verify's body. */
export type VerifyRequest = Schemas["VerifyRequest"];
/** The verdict on a key: a refused key is `{valid: false, code}`, not an error. */
export type VerifyResult = Schemas["VerifyResult"];
export type VerifyCode = VerifyResult["code"];
export type Key = Schemas["Key"];
export type KeyStatus = Key["status"];
export type Environment = Key["environment"];
/** A new key with its secret (`key`): the only time it is shown. */
export type CreatedKey = Schemas["CreatedKey"];
/** The new key with its secret, and the key it replaced (`previous`). */
export type RotatedKey = Schemas["RotatedKey"];
export type KeyList = Schemas["KeyList"];
export type CreateKeyInput = Schemas["CreateKey"];
export type UpdateKeyInput = Schemas["UpdateKey"];
/** POST /api/v1/keys/import's body: keys by the SHA-256 of their secrets, 1–1,000 a call. */
export type KeyImport = Schemas["KeyImport"];
export type ImportedKey = Schemas["ImportedKey"];
export type KeyImportResult = Schemas["KeyImportResult"];
export type RotateKeyInput = NonNullable<
  paths["/api/v1/keys/{id}/rotate"]["post"]["requestBody"]
>["content"]["application/json"];
/** POST /api/v1/keys/report-leak's body and its answer (the same whatever the keys were). */
export type LeakReport = Schemas["LeakReport"];
export type LeakReportReceived = Schemas["LeakReportReceived"];
export type Me = Schemas["Me"];
export type CliLoginStarted = Schemas["CliLoginStarted"];
export type CliLoginPoll = Schemas["CliLoginPoll"];
export type AuditEvent = Schemas["AuditEvent"];
export type AuditList = Schemas["AuditList"];
/** GET /api/v1/keys/verify/snapshot: what an in-process verifier keeps (see createVerifier). */
export type VerifierSnapshot = Schemas["VerifierSnapshot"];
export type VerifierSnapshotEntry = Schemas["VerifierSnapshotEntry"];
/** POST /api/v1/keys/verify/usage's body and answer. */
export type VerifierUsage = Schemas["VerifierUsage"];
export type VerifierUsageResult = Schemas["VerifierUsageResult"];
export type ApiErrorBody = Schemas["Error"];
export type ApiErrorCode = ApiErrorBody["error"]["code"];

type KeysQuery = NonNullable<paths["/api/v1/keys"]["get"]["parameters"]["query"]>;
/** GET /api/v1/keys's filters; `status` may be a list. */
export type ListKeysQuery = Omit<KeysQuery, "status"> & { status?: KeyStatus | KeyStatus[] };
/** GET /api/v1/audit's filters (`from`/`to` as ISO date-times or Dates). */
export type ListAuditQuery = Omit<NonNullable<paths["/api/v1/audit"]["get"]["parameters"]["query"]>, "from" | "to"> & {
  from?: string | Date;
  to?: string | Date;
};

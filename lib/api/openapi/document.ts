import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { usageQuerySchema, usageReportSchema } from "../../keys/usage-report";
import { ERROR_STATUS } from "../errors";
import { auditListSchema, exportAuditQuerySchema, listAuditQuerySchema } from "../schemas/audit";
import {
  approveCliLoginSchema,
  cliLoginDecisionSchema,
  cliLoginPollSchema,
  cliLoginStartedSchema,
  denyCliLoginSchema,
  pollCliLoginSchema,
  startCliLoginSchema,
} from "../schemas/cli-login";
import { bulkKeysSchema, bulkResultSchema, hygieneQuerySchema, hygieneReportSchema } from "../schemas/hygiene";
import { KEY_IMPORT_MAX, keyImportResultSchema, keyImportSchema } from "../schemas/key-import";
import {
  createdKeySchema,
  createKeySchema,
  keyListSchema,
  keySchema,
  listKeysQuerySchema,
  rotatedKeySchema,
  rotateKeySchema,
  updateKeySchema,
  VERIFY_CODES,
  verifyKeySchema,
  verifyResultSchema,
} from "../schemas/keys";
import { LEAK_REPORT_MAX_KEYS, leakReportReceivedSchema, reportLeakSchema } from "../schemas/leaks";
import {
  issuedPersonalKeySchema,
  issuePersonalKeySchema,
  meSchema,
  personalKeySchema,
  reauthenticatedSchema,
  reauthenticateSchema,
} from "../schemas/me";
import {
  changeRoleSchema,
  invitationListSchema,
  invitationSchema,
  inviteMemberSchema,
  memberListSchema,
  memberSchema,
} from "../schemas/members";
import {
  changeOrgRoleSchema,
  orgDetailSchema,
  orgListSchema,
  orgMemberSchema,
  orgSchema,
  updateOrgSchema,
} from "../schemas/orgs";
import {
  snapshotQuerySchema,
  snapshotSchema,
  verifierUsageResultSchema,
  verifierUsageSchema,
} from "../schemas/verify-snapshot";
import {
  createWebhookSchema,
  listDeliveriesQuerySchema,
  updateWebhookSchema,
  webhookDeliveryListSchema,
  webhookDeliverySchema,
  webhookListSchema,
  webhookSchema,
  webhookWithSecretSchema,
} from "../schemas/webhooks";
import {
  createWorkspaceSchema,
  joinedWorkspaceSchema,
  updateWorkspaceSchema,
  workspaceListSchema,
  workspaceSchema,
  workspaceSettingsSchema,
} from "../schemas/workspaces";

/**
 * The OpenAPI 3.1 document of /api/v1, built from the zod schemas the route handlers parse
 * and answer with: there is no second description to drift from the code.
 */
const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error", description: "Every error answer. Bad input names the failing fields in `details.issues`." });

const ERROR_DESCRIPTIONS = {
  400: "Bad input (`details.issues` lists `{field, message}`), or a personal key that must name its workspace",
  401: "No credential, or one that is not usable (unknown, revoked, expired, disabled)",
  403: "The credential may not do this (scope, role, IP allowlist, another workspace)",
  404: "No such resource in this workspace (or, for a session, no workspace yet)",
  405: "This route does not serve that method (`Allow` lists those it does)",
  409: "Conflicts with the current state (a taken slug, the last owner …)",
  410: "No longer usable: an expired or already used login request",
  413: "The body is larger than this route accepts",
  429: "Over a rate limit, such as the key's own (`Retry-After` says when to retry)",
} as const;
type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;
/** What any credentialed request can be answered, whatever the operation (lib/auth/with-auth.ts). */
const CREDENTIAL_ERRORS: ErrorStatus[] = [400, 401, 403, 404, 429];

const json = (schema: z.ZodType) => ({ "application/json": { schema } });

function errors(...statuses: ErrorStatus[]) {
  return Object.fromEntries(
    [...new Set(statuses)]
      .sort((a, b) => a - b)
      .map((status) => [String(status), { description: ERROR_DESCRIPTIONS[status], content: json(errorSchema) }]),
  );
}

const workspaceHeader = z.object({
  "x-workspace-id": z.string().optional().meta({
    description:
      "The workspace to act in (id or slug): a session's first workspace if omitted; required for an organization key",
  }),
  "x-organization-id": z.string().optional().meta({
    description:
      "The organization (id or slug) of that workspace: narrows a personal key's workspaces; 400 when it does not match",
  }),
});
const orgPath = z.object({ org: z.string().meta({ description: "The organization's id or slug" }) });
const idPath = (what: string) => z.object({ id: z.string().meta({ description: `The ${what}'s id` }) });

/** An operation on a workspace's resources, authenticated by any credential. */
function operation(
  summary: string,
  spec: Omit<ZodOpenApiOperationObject, "responses" | "summary"> & {
    ok: { status?: number; description: string; schema?: z.ZodType; contentType?: string };
    /** Beyond CREDENTIAL_ERRORS. */
    errors?: ErrorStatus[];
  },
): ZodOpenApiOperationObject {
  const { ok, errors: statuses = [], requestParams, ...rest } = spec;
  const okResponse =
    ok.schema === undefined
      ? { description: ok.description }
      : { description: ok.description, content: { [ok.contentType ?? "application/json"]: { schema: ok.schema } } };
  return {
    summary,
    ...rest,
    requestParams: { header: workspaceHeader, ...requestParams },
    responses: { [String(ok.status ?? 200)]: okResponse, ...errors(...CREDENTIAL_ERRORS, ...statuses) },
  };
}

const body = (schema: z.ZodType) => ({ content: json(schema), required: true });

/** `keysmith login`'s operations: outside any workspace, each with its own credential. */
function cliLogin(
  summary: string,
  spec: Pick<ZodOpenApiOperationObject, "description" | "security" | "requestBody"> & {
    ok: { status?: number; description: string; schema: z.ZodType };
    errors: ErrorStatus[];
  },
): ZodOpenApiOperationObject {
  const { ok, errors: statuses, ...rest } = spec;
  return {
    summary,
    tags: ["CLI login"],
    ...rest,
    responses: {
      [String(ok.status ?? 200)]: { description: ok.description, content: json(ok.schema) },
      ...errors(...statuses),
    },
  };
}

const paths: ZodOpenApiPathsObject = {
  "/api/v1/keys/verify": {
    post: {
      summary: "Verify a key",
      description:
        "Is this key usable now? A refused key is still a 200 with `valid: false` and its `code` " +
        `(${VERIFY_CODES.join(", ")}). Needs no credential; a verifier key (scope \`keys.verify\`) ` +
        "confines the answers to its own workspace.",
      tags: ["Verification"],
      security: [{}, { bearer: [] }, { apiKey: [] }],
      requestBody: body(verifyKeySchema),
      responses: {
        "200": { description: "The verdict", content: json(verifyResultSchema) },
        ...errors(400, 401, 403, 413, 429),
      },
    },
  },
  "/api/v1/keys/verify/snapshot": {
    get: operation("A verifier's snapshot", {
      description:
        'For an in-process verifier (the SDK\'s `createVerifier({ mode: "local" })`), with a verifier key ' +
        "(scope `keys.verify`): what verifying its workspace's keys needs, a page at a time in key-id order " +
        "(`limit` up to 1000, `nextCursor` to the next). Keys are named by the SHA-256 of the key, never the " +
        "secret; other workspaces' keys are absent. `eventId` is the workspace's newest audit event, read " +
        "before the keys: resume the event stream (`GET /api/v1/ws`) after the first page's. `keyId` " +
        "answers that one key's entry (none when the verifier may not see it).",
      tags: ["Verification"],
      requestParams: { query: snapshotQuerySchema },
      ok: { description: "A page of entries", schema: snapshotSchema },
    }),
  },
  "/api/v1/keys/verify/usage": {
    post: operation("Report a verifier's usage", {
      description:
        "Counts an in-process verifier made since its last report (at most 100 keys a batch), added to the " +
        "key's usage and last use as if the server had answered them. Keys the verifier may not see are " +
        "not counted and are listed in `ignored`. Needs `keys.verify`.",
      tags: ["Verification"],
      requestBody: body(verifierUsageSchema),
      ok: { description: "What was counted", schema: verifierUsageResultSchema },
      errors: [413],
    }),
  },
  "/api/v1/keys": {
    get: operation("List keys", {
      tags: ["Keys"],
      requestParams: { query: listKeysQuerySchema },
      ok: { description: "A page of keys, newest first by default", schema: keyListSchema },
    }),
    post: operation("Create a key", {
      description:
        "The response is the only time the secret (`key`) appears. `environment` must be one of the workspace's environments (a 400 naming the field lists them); without it the key goes in the first.",
      tags: ["Keys"],
      requestBody: body(createKeySchema),
      ok: { status: 201, description: "The new key, with its secret", schema: createdKeySchema },
      errors: [413],
    }),
  },
  "/api/v1/keys/hygiene": {
    get: operation("Keys worth a second look", {
      description:
        "The workspace's keys that still work or could again (not revoked, rotated or expired) and are never used, unused for 30 or 90 days, never expiring, or created by someone who left the workspace; those idle longest first, 500 at most, with counts per finding.",
      tags: ["Keys"],
      requestParams: { query: hygieneQuerySchema },
      ok: { description: "The keys with findings, and how many have each", schema: hygieneReportSchema },
    }),
  },
  "/api/v1/keys/bulk/revoke": {
    post: operation("Revoke many keys", {
      description:
        "Up to 100 keys, each revoked as by `DELETE /api/v1/keys/{id}` (one `key.revoked` event each). A key that cannot be revoked is listed under `failed` and the others still are.",
      tags: ["Keys"],
      requestBody: body(bulkKeysSchema),
      ok: { description: "What happened to each key", schema: bulkResultSchema },
      errors: [413],
    }),
  },
  "/api/v1/keys/bulk/disable": {
    post: operation("Disable many keys", {
      description:
        'Up to 100 keys, each disabled as by `PATCH /api/v1/keys/{id}` `{"enabled":false}` (one `key.updated` event each); they can be enabled again one by one.',
      tags: ["Keys"],
      requestBody: body(bulkKeysSchema),
      ok: { description: "What happened to each key", schema: bulkResultSchema },
      errors: [413],
    }),
  },
  "/api/v1/keys/import": {
    post: operation("Import keys", {
      description:
        "Keys another product issued (better-auth's api-key plugin, Unkey …), by the SHA-256 of each secret, " +
        `1 to ${KEY_IMPORT_MAX} a call, all or nothing. Imported keys verify and authenticate like keys made here, ` +
        "in whatever format their secrets have. Needs `keys.write` and the rules of creating a key; scopes " +
        "within your own. A hash Keysmith already holds is a 409 naming the item.",
      tags: ["Keys"],
      requestBody: body(keyImportSchema),
      ok: { status: 201, description: "The imported keys", schema: keyImportResultSchema },
      errors: [409, 413],
    }),
  },
  "/api/v1/keys/report-leak": {
    post: {
      summary: "Report leaked keys",
      description:
        "For whoever finds a key where it should not be (GitHub's secret scanning, `keysmith scan --report`), in the " +
        `shape of GitHub's token-revocation API: 1 to ${LEAK_REPORT_MAX_KEYS} keys a call, with who found them (\`source\`) ` +
        "and where (`url`). Each live key in Keysmith's format with a valid checksum is revoked at once, or disabled " +
        "where its workspace's `leakResponse` says so; `key.leaked` is recorded and its creator and the workspace's " +
        "admins are emailed. Needs no credential; limited per address. The answer is the same, and takes as long, " +
        "whatever the keys were: it never says whether one existed.",
      tags: ["Keys"],
      security: [{}],
      requestBody: body(reportLeakSchema),
      responses: {
        "202": { description: "Received", content: json(leakReportReceivedSchema) },
        ...errors(400, 413, 429),
      },
    },
  },
  "/api/v1/keys/{id}": {
    get: operation("Read a key", {
      tags: ["Keys"],
      requestParams: { path: idPath("key") },
      ok: { description: "The key", schema: keySchema },
    }),
    patch: operation("Edit a key", {
      tags: ["Keys"],
      requestParams: { path: idPath("key") },
      requestBody: body(updateKeySchema),
      ok: { description: "The key as it is now", schema: keySchema },
      errors: [409, 413],
    }),
    delete: operation("Revoke a key", {
      description: "At once and for good; the key stays listed for the audit trail.",
      tags: ["Keys"],
      requestParams: { path: idPath("key") },
      ok: { description: "The revoked key", schema: keySchema },
    }),
  },
  "/api/v1/keys/{id}/revoke": {
    post: operation("Revoke a key", {
      tags: ["Keys"],
      requestParams: { path: idPath("key") },
      ok: { description: "The revoked key", schema: keySchema },
    }),
  },
  "/api/v1/keys/{id}/rotate": {
    post: operation("Rotate a key", {
      description:
        'A new secret with the same settings; the old key works until the grace period ends (or its own expiry, if sooner). The new key keeps the old expiry date (`expiry: "keep"`, the default) or starts a fresh window of the same length (`expiry: "renew"`); keeping the date of a key that has already expired is a 409.',
      tags: ["Keys"],
      requestParams: { path: idPath("key") },
      requestBody: body(rotateKeySchema),
      ok: { status: 201, description: "The new key, with its secret, and the old one", schema: rotatedKeySchema },
      errors: [409, 413],
    }),
  },
  "/api/v1/keys/{id}/usage": {
    get: operation("A key's usage", {
      tags: ["Keys"],
      requestParams: { path: idPath("key"), query: usageQuerySchema },
      ok: { description: "Verifications per hour or day, zeros included", schema: usageReportSchema },
    }),
  },
  "/api/v1/me": {
    get: operation("Who is calling", {
      tags: ["Account"],
      ok: { description: "The caller, its workspace, role and effective scopes", schema: meSchema },
    }),
  },
  "/api/v1/me/key": {
    get: operation("Your personal key", {
      tags: ["Account"],
      ok: { description: "The personal key without its secret, or null", schema: personalKeySchema },
    }),
    post: operation("Create or rotate your personal key", {
      description:
        "Signed-in users only. The body is optional: `{gracePeriod}` keeps the old key alive that long; `expiry` is as for a workspace key's rotation. " +
        "`{first: true}` issues the account's first personal key only (the dashboard sends it after sign-up and sign-in): " +
        "409 once you have or had one, 403 when the instance turned this off (KEYSMITH_PERSONAL_KEY_AT_SIGNUP=off).",
      tags: ["Account"],
      requestBody: { content: json(issuePersonalKeySchema), required: false },
      ok: { status: 201, description: "The new key, with its secret", schema: issuedPersonalKeySchema },
      errors: [409, 413],
    }),
    delete: operation("Revoke your personal key", {
      description:
        "Signed-in users only. The key stops verifying at once, on every instance; GET then answers null and POST creates a new one.",
      tags: ["Account"],
      ok: { description: "The revoked key, without its secret", schema: personalKeySchema },
      errors: [404],
    }),
  },
  "/api/v1/workspace": {
    get: operation("The workspace's settings", {
      tags: ["Workspace"],
      ok: { description: "The workspace, with its hygiene policies", schema: workspaceSettingsSchema },
    }),
    patch: operation("Change the workspace's settings", {
      description:
        "`environments` replaces the list keys are created in (the first is the default); dropping one that keys still use (not revoked, including expired and disabled keys) is a 409 saying how many. `maxKeyLifetimeDays` makes every key created, rotated or given an expiry from then on expire within that many days (a later or absent expiry is a 400 naming `expiresAt`); `disableUnusedKeysAfterDays` disables keys unused that long (never used: since created). Every change is recorded as `workspace.settings_changed` with each field's old and new value.",
      tags: ["Workspace"],
      requestBody: body(updateWorkspaceSchema),
      ok: { description: "The workspace as it is now", schema: workspaceSettingsSchema },
      errors: [409, 413],
    }),
  },
  "/api/v1/me/reauthenticate": {
    post: operation("Confirm it's you", {
      description:
        "Signed-in users only. A session signed in more than KEYSMITH_REAUTH_MAX_AGE_S ago gets 403 `REAUTHENTICATION_REQUIRED` from sensitive actions; " +
        "this makes it count as freshly signed in. The password, and for an account with an authenticator app `code` (or one `backupCode`, used up by this). " +
        "A wrong answer is 403 `REAUTHENTICATION_FAILED` naming the field in `details.issues` and is audited as a failed sign-in; 5 wrong answers in 10 minutes are 429. " +
        "An account with an authenticator app that sends no code gets 400 naming `code`.",
      tags: ["Account"],
      requestBody: body(reauthenticateSchema),
      ok: { description: "When the session was confirmed", schema: reauthenticatedSchema },
      errors: [413],
    }),
  },
  "/api/v1/webhooks": {
    get: operation("List webhooks", {
      description: "The workspace's webhook endpoints (never their secrets). Needs `workspace.write`.",
      tags: ["Webhooks"],
      ok: { description: "Every endpoint", schema: webhookListSchema },
    }),
    post: operation("Add a webhook", {
      description:
        "`events` are audit actions (`key.created`), families (`key.*`) or `*`; the event stream's `workspace.updated` " +
        "and `member.added` are stored as `workspace.settings_changed` and `member.joined`. The URL must be https:// to a " +
        "public address (a 400 naming `url` otherwise) unless the instance sets KEYSMITH_WEBHOOK_ALLOW_PRIVATE=1. " +
        "The answer carries the signing secret (`whsec_…`), the only time it appears. Deliveries are signed as the " +
        "Standard Webhooks specification says (`webhook-id`, `webhook-timestamp`, `webhook-signature`).",
      tags: ["Webhooks"],
      requestBody: body(createWebhookSchema),
      ok: { status: 201, description: "The endpoint and its secret", schema: webhookWithSecretSchema },
      errors: [413],
    }),
  },
  "/api/v1/webhooks/{id}": {
    get: operation("A webhook", {
      tags: ["Webhooks"],
      requestParams: { path: idPath("webhook") },
      ok: { description: "The endpoint", schema: webhookSchema },
    }),
    patch: operation("Change a webhook", {
      description: "Enabling an endpoint Keysmith disabled (after days of failures) starts its failure count afresh.",
      tags: ["Webhooks"],
      requestParams: { path: idPath("webhook") },
      requestBody: body(updateWebhookSchema),
      ok: { description: "The endpoint as it is now", schema: webhookSchema },
      errors: [413],
    }),
    delete: operation("Delete a webhook", {
      description: "Its queued deliveries and its delivery log go with it.",
      tags: ["Webhooks"],
      requestParams: { path: idPath("webhook") },
      ok: { status: 204, description: "Deleted" },
    }),
  },
  "/api/v1/webhooks/{id}/rotate-secret": {
    post: operation("Rotate a webhook's secret", {
      description: "The new secret signs every attempt from now on, retries included; the old one stops at once.",
      tags: ["Webhooks"],
      requestParams: { path: idPath("webhook") },
      ok: { description: "The endpoint and its new secret", schema: webhookWithSecretSchema },
    }),
  },
  "/api/v1/webhooks/{id}/deliveries": {
    get: operation("A webhook's delivery log", {
      description: "Newest first, each with its attempts (status code, latency, an excerpt of the answer).",
      tags: ["Webhooks"],
      requestParams: { path: idPath("webhook"), query: listDeliveriesQuerySchema },
      ok: { description: "A page of deliveries", schema: webhookDeliveryListSchema },
    }),
  },
  "/api/v1/webhooks/{id}/deliveries/{delivery}/redeliver": {
    post: operation("Redeliver", {
      description: "Queues the delivery again, as a new entry of the log with the same `webhook-id` and body.",
      tags: ["Webhooks"],
      requestParams: {
        path: idPath("webhook").extend({ delivery: z.string().meta({ description: "The delivery's id" }) }),
      },
      ok: { status: 202, description: "The new delivery, queued", schema: webhookDeliverySchema },
      errors: [409],
    }),
  },
  "/api/v1/webhooks/{id}/test": {
    post: operation("Send a test event", {
      description: "Queues a `webhook.test` event for this endpoint, whatever it subscribed to.",
      tags: ["Webhooks"],
      requestParams: { path: idPath("webhook") },
      ok: { status: 202, description: "The test delivery, queued", schema: webhookDeliverySchema },
      errors: [409],
    }),
  },
  "/api/v1/workspaces": {
    get: operation("Your workspaces", {
      tags: ["Workspace"],
      ok: { description: "Every workspace you belong to, with your role", schema: workspaceListSchema },
    }),
    post: operation("Create a workspace", {
      description: "Signed-in users only; you become its owner.",
      tags: ["Workspace"],
      requestBody: body(createWorkspaceSchema),
      ok: { status: 201, description: "The new workspace", schema: workspaceSchema },
      errors: [409, 413],
    }),
  },
  "/api/v1/orgs": {
    get: operation("Your organizations", {
      description: "Signed-in users only. Every organization you have a role in or a workspace of, with your role.",
      tags: ["Organizations"],
      ok: { description: "Your organizations", schema: orgListSchema },
    }),
  },
  "/api/v1/orgs/{org}": {
    get: operation("An organization", {
      description:
        "Its workspaces (all of them for owners and admins, yours for members), its members and roles, and (for owners and admins) its keys.",
      tags: ["Organizations"],
      requestParams: { path: orgPath },
      ok: { description: "The organization", schema: orgDetailSchema },
    }),
    patch: operation("Rename an organization", {
      description: "Owners and admins.",
      tags: ["Organizations"],
      requestParams: { path: orgPath },
      requestBody: body(updateOrgSchema),
      ok: { description: "The organization", schema: orgSchema },
      errors: [413],
    }),
  },
  "/api/v1/orgs/{org}/members/{user}": {
    patch: operation("Change an organization role", {
      description:
        "Owners and admins; only owners make or unmake owners, and the last owner stays one. Owners and admins act in every workspace of the organization.",
      tags: ["Organizations"],
      requestParams: {
        path: orgPath.extend({ user: z.string().meta({ description: "The member's user id" }) }),
      },
      requestBody: body(changeOrgRoleSchema),
      ok: { description: "The member", schema: orgMemberSchema },
      errors: [409, 413],
    }),
  },
  "/api/v1/members": {
    get: operation("Members", {
      tags: ["Members"],
      ok: { description: "The workspace's members", schema: memberListSchema },
    }),
  },
  "/api/v1/members/{id}": {
    patch: operation("Change a member's role", {
      tags: ["Members"],
      requestParams: { path: idPath("member") },
      requestBody: body(changeRoleSchema),
      ok: { description: "The member", schema: memberSchema },
      errors: [409, 413],
    }),
    delete: operation("Remove a member (or leave)", {
      description: "Their keys stop working at once.",
      tags: ["Members"],
      requestParams: { path: idPath("member") },
      ok: { status: 204, description: "Removed" },
      errors: [409],
    }),
  },
  "/api/v1/members/invitations": {
    get: operation("Invitations", {
      tags: ["Members"],
      ok: { description: "Pending and past invitations, with their links", schema: invitationListSchema },
    }),
    post: operation("Invite someone", {
      description: "The answer holds the invitation link to send them.",
      tags: ["Members"],
      requestBody: body(inviteMemberSchema),
      ok: { status: 201, description: "The invitation", schema: invitationSchema },
      errors: [409, 413],
    }),
  },
  "/api/v1/members/invitations/{id}": {
    delete: operation("Cancel an invitation", {
      tags: ["Members"],
      requestParams: { path: idPath("invitation") },
      ok: { status: 204, description: "Canceled" },
    }),
  },
  "/api/v1/invitations/{id}/accept": {
    post: operation("Accept an invitation", {
      description: "Signed in with the invited email.",
      tags: ["Members"],
      requestParams: { path: idPath("invitation") },
      ok: { description: "The workspace joined", schema: joinedWorkspaceSchema },
      errors: [409],
    }),
  },
  "/api/v1/audit": {
    get: operation("The audit log", {
      tags: ["Audit"],
      requestParams: { query: listAuditQuerySchema },
      ok: { description: "A page of events, newest first", schema: auditListSchema },
    }),
  },
  "/api/v1/audit/export": {
    get: operation("The audit log as CSV", {
      description: "Every event matching the filters, streamed.",
      tags: ["Audit"],
      requestParams: { query: exportAuditQuerySchema },
      ok: { description: "CSV, one event a row", schema: z.string(), contentType: "text/csv" },
    }),
  },
  "/api/v1/cli/login": {
    post: cliLogin("Start a CLI login", {
      description:
        "Device authorization for `keysmith login`: answers a short `code` for the user to approve at " +
        "`verificationUrl` and a `pollToken` for the CLI. Needs no credential; limited per address. " +
        "The request expires after 10 minutes.",
      security: [{}],
      requestBody: body(startCliLoginSchema),
      ok: { status: 201, description: "The request", schema: cliLoginStartedSchema },
      errors: [400, 413, 429],
    }),
  },
  "/api/v1/cli/login/poll": {
    post: cliLogin("Collect a CLI login", {
      description:
        "Pending, denied, or approved: the approved answer carries the new key's secret, once; the " +
        "request is then used up (410 afterwards, as after expiry).",
      security: [{}],
      requestBody: body(pollCliLoginSchema),
      ok: { description: "Where the request stands", schema: cliLoginPollSchema },
      errors: [400, 404, 410, 413],
    }),
  },
  "/api/v1/cli/login/approve": {
    post: cliLogin("Approve a CLI login", {
      description:
        "Signed-in users only (the /cli/authorize page): the key the CLI collects is created by you, " +
        "in that workspace, with these scopes (within your role).",
      security: [{ session: [] }],
      requestBody: body(approveCliLoginSchema),
      ok: { description: "Approved", schema: cliLoginDecisionSchema },
      errors: [400, 401, 403, 404, 409, 410, 413],
    }),
  },
  "/api/v1/cli/login/deny": {
    post: cliLogin("Deny a CLI login", {
      description: "Signed-in users only (the /cli/authorize page).",
      security: [{ session: [] }],
      requestBody: body(denyCliLoginSchema),
      ok: { description: "Denied", schema: cliLoginDecisionSchema },
      errors: [400, 401, 403, 404, 409, 410, 413],
    }),
  },
  "/api/v1/openapi.json": {
    get: {
      summary: "This document",
      tags: ["Reference"],
      security: [{}],
      responses: { "200": { description: "OpenAPI 3.1", content: json(z.record(z.string(), z.unknown())) } },
    },
  },
};

export function openApiDocument(serverUrl: string) {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Keysmith API",
      version: "1",
      description:
        "Every /api/v1 route accepts the dashboard's session cookie or an API key " +
        "(`Authorization: Bearer <key>` or `X-API-Key: <key>`).",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }, { apiKey: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API key" },
        apiKey: { type: "apiKey", in: "header", name: "X-API-Key", description: "An API key" },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "better-auth.session_token",
          description: "The dashboard's session; mutations must also send a same-origin Origin header",
        },
      },
    },
    paths,
  });
}

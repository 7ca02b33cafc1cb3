import { ApiError, errorBody } from "../api/errors";
import type { VerifyCode, VerifyKeyInput } from "../api/schemas/keys";
import { keyCredential } from "../auth/key-credential";
import type { KeyCaller } from "../keys/evaluate";
import type { MaybePromise } from "../maybe-async";
import type { Runtime } from "../runtime";
import { keyAnswer, MALFORMED_ANSWER, NOT_FOUND_ANSWER, type VerifyAnswer } from "./answers";
import type { KeyCheck } from "./verifier";
import { parseVerifyInput } from "./verify-input";

/**
 * POST /api/v1/keys/verify, independent of how the request arrived: the node:http fast
 * path in server.ts and the Next route handler both answer through this, so their answers
 * are identical. Synchronous when no database read is needed.
 */
export const VERIFY_MAX_BODY_BYTES = 4 * 1024;

/** The scope that lets a key act as a verifier: answers confined to its own workspace. */
export const VERIFIER_SCOPE = "keys.verify";

export interface VerifyRequest {
  text: string;
  contentType: string | null;
  /** Source address of the request (the calling service): it pays for unknown-key lookups. */
  ip: string;
  userAgent: string | null;
  /** A verifier key (Authorization: Bearer or X-API-Key), if the caller sent one. */
  credential: string | null;
  /** x-workspace-id, for a personal or organization key acting as the verifier. */
  workspaceHint: string | null;
  /** x-organization-id, which must match it. */
  organizationHint: string | null;
}

export interface VerifyResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** The body already serialised and node:http's head for it, when it is a memoised answer (./answers.ts). */
  json?: string;
  head?: Readonly<Record<string, string | number>>;
}

interface Verification {
  input: VerifyKeyInput;
  caller: KeyCaller;
  source: string;
  now: number;
}

export function handleVerify(runtime: Runtime, request: VerifyRequest): MaybePromise<VerifyResponse> {
  try {
    const input = parseVerifyInput(request.text, request.contentType);
    runtime.metrics.verifyRequests++;
    const now = runtime.now().getTime();
    if (request.credential === null) {
      return verify(runtime, request, { input, caller: ANONYMOUS, source: request.ip, now });
    }
    const verifier = verifierWorkspace(runtime, request, now);
    if (verifier instanceof Promise) {
      return verifier
        .then((workspaceId) => verify(runtime, request, asVerifier(input, workspaceId, now)))
        .catch(errorBody);
    }
    return verify(runtime, request, asVerifier(input, verifier, now));
  } catch (error) {
    return errorBody(error);
  }
}

const ANONYMOUS: KeyCaller = Object.freeze({ kind: "anonymous" });

/** Calls from a verifier key are charged to its workspace, wherever they come from. */
function asVerifier(input: VerifyKeyInput, workspaceId: string, now: number): Verification {
  return { input, caller: { kind: "verifier", workspaceId }, source: `workspace:${workspaceId}`, now };
}

function verify(runtime: Runtime, request: VerifyRequest, verification: Verification): MaybePromise<VerifyResponse> {
  const { input, caller, source, now } = verification;
  const check = runtime.verifier.check(input.key, {
    now,
    caller,
    ip: input.ip,
    source,
    workspaceHint: input.workspaceId ?? null,
    organizationHint: input.organizationId ?? null,
  });
  if (check instanceof Promise) {
    return check.then((checked) => answer(runtime, request, verification, checked).response).catch(errorBody);
  }
  return answer(runtime, request, verification, check).response;
}

function answer(runtime: Runtime, request: VerifyRequest, verification: Verification, check: KeyCheck): VerifyAnswer {
  const { entry } = check;
  if (entry === null) return check.code === "MALFORMED" ? MALFORMED_ANSWER : NOT_FOUND_ANSWER;
  let code: VerifyCode;
  switch (check.code) {
    case "NOT_FOUND":
    case "WORKSPACE_DENIED":
      // Hidden from this caller: nothing about the key shows, and its usage does not count.
      return NOT_FOUND_ANSWER;
    case "WORKSPACE_AMBIGUOUS":
      // A key that acts in several workspaces is valid only where it acts: the same 400 the
      // REST API gives it without x-workspace-id.
      throw entry.state.kind === "organization"
        ? new ApiError("VALIDATION_FAILED", "This is an organization key: name the workspace with workspaceId", {
            issues: [{ field: "workspaceId", message: "Required for an organization key" }],
          })
        : new ApiError(
            "VALIDATION_FAILED",
            "This personal key's owner is in several workspaces: name one with workspaceId",
            { issues: [{ field: "workspaceId", message: "Required for a personal key in several workspaces" }] },
          );
    case "ORGANIZATION_MISMATCH":
      throw new ApiError("VALIDATION_FAILED", "That workspace is not in that organization", {
        issues: [{ field: "organizationId", message: "Does not match the workspace named by workspaceId" }],
      });
    case "MALFORMED":
      return MALFORMED_ANSWER;
    default:
      code = check.code;
  }
  const required = verification.input.requiredScopes;
  if (code === "VALID" && required) {
    const held = check.membership?.scopes ?? [];
    if (required.some((scope) => !held.includes(scope))) code = "INSUFFICIENT_SCOPE";
  }
  runtime.usage.countHeld(
    entry,
    entry.state.id,
    code === "VALID",
    verification.now,
    verification.input.ip ?? null,
    request.userAgent,
  );
  return keyAnswer(entry, code, code === "VALID" || code === "INSUFFICIENT_SCOPE" ? check.membership : null);
}

/**
 * The workspace of the verifier key the caller sent: a usable key holding keys.verify, or
 * an error (401 for a key that is not usable, 403 for one without the scope).
 */
function verifierWorkspace(runtime: Runtime, request: VerifyRequest, now: number): MaybePromise<string> {
  const check = runtime.verifier.check(request.credential ?? "", {
    now,
    caller: { kind: "api" },
    ip: request.ip,
    workspaceHint: request.workspaceHint,
    organizationHint: request.organizationHint,
    source: request.ip,
  });
  const accept = (checked: KeyCheck): string => {
    const { state, membership } = keyCredential(checked, request.workspaceHint);
    if (!membership.scopes.includes(VERIFIER_SCOPE)) {
      throw new ApiError("FORBIDDEN", `A verifier key needs the ${VERIFIER_SCOPE} scope`);
    }
    runtime.usage.count(state.id, true, now, request.ip, request.userAgent);
    return membership.workspace.id;
  };
  return check instanceof Promise ? check.then(accept) : accept(check);
}

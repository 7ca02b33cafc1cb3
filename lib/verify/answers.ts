import type { VerifyCode, VerifyResult } from "../api/schemas/keys";
import type { KeyMembership, KeyState } from "../keys/key-state";
import type { VerifyResponse } from "./handle";
import { responseHead } from "./response-head";

/** A verify answer and its JSON, built once per cached key and outcome. */
export interface VerifyAnswer {
  result: VerifyResult;
  json: string;
  /** The endpoint's response carrying it, built once with the answer. */
  response: VerifyResponse;
}

/**
 * The answers built from one cached key, kept on its cache entry (and dropped with it): a
 * key verified a million times is serialised once per outcome. Fixed slots, so that every
 * entry has one shape on the hot path.
 */
export interface AnswerSlots {
  /** Refusals, and VALID for a personal key with no workspace named. */
  byCode: Partial<Record<VerifyCode, VerifyAnswer>>;
  /** VALID and INSUFFICIENT_SCOPE, by the membership's position in the key's state. */
  valid: (VerifyAnswer | undefined)[];
  insufficientScope: (VerifyAnswer | undefined)[];
  /**
   * The answer given last, and what it answered: a key is mostly answered the same way
   * again, and this is found without reaching into the key's memberships and the lists.
   */
  last: VerifyAnswer | null;
  lastCode: VerifyCode | null;
  lastMembership: KeyMembership | null;
}

/** What an answer is built from: a key's state and its slots (a key-cache entry is one). */
export interface AnsweredKey {
  readonly state: KeyState;
  readonly answers: AnswerSlots;
}

export function emptyAnswerSlots(): AnswerSlots {
  return { byCode: {}, valid: [], insufficientScope: [], last: null, lastCode: null, lastMembership: null };
}

/** Answers that name no key. */
export const MALFORMED_ANSWER = keylessAnswer("MALFORMED");
export const NOT_FOUND_ANSWER = keylessAnswer("NOT_FOUND");

/** The answer for a found key: `membership` for VALID and INSUFFICIENT_SCOPE, else null. */
export function keyAnswer(entry: AnsweredKey, code: VerifyCode, membership: KeyMembership | null): VerifyAnswer {
  const slots = entry.answers;
  if (slots.lastCode === code && slots.lastMembership === membership && slots.last !== null) return slots.last;
  const answer = slotAnswer(entry, code, membership);
  slots.last = answer;
  slots.lastCode = code;
  slots.lastMembership = membership;
  return answer;
}

function slotAnswer(entry: AnsweredKey, code: VerifyCode, membership: KeyMembership | null): VerifyAnswer {
  const slots = entry.answers;
  if (membership === null) {
    slots.byCode[code] ??= buildAnswer(entry, code, null);
    return slots.byCode[code];
  }
  const list = code === "VALID" ? slots.valid : slots.insufficientScope;
  const index = entry.state.memberships.indexOf(membership);
  list[index] ??= buildAnswer(entry, code, membership);
  return list[index];
}

function buildAnswer(entry: AnsweredKey, code: VerifyCode, membership: KeyMembership | null): VerifyAnswer {
  const { state } = entry;
  return serialise({
    valid: code === "VALID",
    code,
    keyId: state.id,
    workspaceId: membership?.workspace.id ?? state.workspaceId,
    environment: state.environment,
    scopes: code === "VALID" && membership ? membership.scopes : [],
    expiresAt: state.expiresAt === null ? null : new Date(state.expiresAt).toISOString(),
    role: membership?.role ?? null,
    reason: code === "REVOKED" && state.rotated && !state.revoked ? "ROTATED" : null,
    organizationId: membership?.workspace.orgId ?? state.orgId,
    scope: state.kind === "personal" ? "user" : state.kind,
  });
}

function keylessAnswer(code: VerifyCode): VerifyAnswer {
  return serialise({
    valid: false,
    code,
    keyId: null,
    workspaceId: null,
    environment: null,
    scopes: [],
    expiresAt: null,
    role: null,
    reason: null,
    organizationId: null,
    scope: null,
  });
}

function serialise(result: VerifyResult): VerifyAnswer {
  const frozen = Object.freeze(result);
  const json = JSON.stringify(frozen);
  const head = Object.freeze(responseHead(Buffer.byteLength(json)));
  return { result: frozen, json, response: { status: 200, body: frozen, json, head } };
}

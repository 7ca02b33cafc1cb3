import { auditTargetLabel } from "../audit/describe";
import type { AuditEvent } from "../generated/prisma/client";
import type { StreamEvent, StreamEventName } from "./protocol";

/**
 * Turns an audit row into what the stream sends, and decides who may see it. Every event is
 * an audit event: the audit log is the stream's source, so a resumed client reads the same.
 */
type Category = "keys" | "members" | "workspace";

interface Mapping {
  event: StreamEventName;
  category: Category;
}

const BY_ACTION: Record<string, Mapping | undefined> = {
  "key.created": { event: "key.created", category: "keys" },
  "key.updated": { event: "key.updated", category: "keys" },
  "key.rotated": { event: "key.rotated", category: "keys" },
  "key.revoked": { event: "key.revoked", category: "keys" },
  "key.expiring": { event: "key.expiring", category: "keys" },
  "key.expired": { event: "key.expired", category: "keys" },
  "key.leaked": { event: "key.leaked", category: "keys" },
  "member.joined": { event: "member.added", category: "members" },
  "member.role_changed": { event: "member.role_changed", category: "members" },
  "member.removed": { event: "member.removed", category: "members" },
  "member.invited": { event: "member.invited", category: "members" },
  "member.invitation_canceled": { event: "member.invitation_canceled", category: "members" },
  "workspace.settings_changed": { event: "workspace.updated", category: "workspace" },
};

const READ_SCOPE: Record<Category, string> = {
  keys: "keys.read",
  members: "members.read",
  workspace: "workspace.read",
};

/** An event ready to send: its full form and the ids-only form a verifier key gets. */
export interface PreparedEvent {
  id: string;
  workspaceId: string;
  name: StreamEventName;
  category: Category;
  full: string;
  idsOnly: string;
}

/** The actions the stream carries, for the resume query. */
export const STREAMED_ACTIONS = Object.keys(BY_ACTION);

export function prepareEvent(row: AuditEvent): PreparedEvent | null {
  const mapping = BY_ACTION[row.action];
  if (!mapping || !row.workspaceId) return null;
  const metadata = isRecord(row.metadata) ? row.metadata : {};
  const ids = idsOf(mapping.category, row, metadata);
  const base = {
    type: "event" as const,
    id: row.id,
    event: mapping.event,
    at: row.createdAt.toISOString(),
    workspaceId: row.workspaceId,
  };
  const target =
    row.targetType && row.targetId
      ? { type: row.targetType, id: row.targetId, label: auditTargetLabel(row.targetType, metadata) }
      : null;
  const full: StreamEvent = {
    ...base,
    data: {
      ...ids,
      actor: { type: row.actorType, id: row.actorId, label: row.actorLabel },
      target,
      metadata,
    },
  };
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: mapping.event,
    category: mapping.category,
    full: JSON.stringify(full),
    idsOnly: JSON.stringify({ ...base, data: ids }),
  };
}

/**
 * What a credential with these scopes receives of the event: the whole event with the
 * category's read scope (or audit.read); a verifier key (keys.verify) gets the ids of
 * everything that changes what keys may do, so that its local copy can follow; else nothing.
 */
export function visibleForm(event: PreparedEvent, scopes: ReadonlySet<string>): string | null {
  if (scopes.has(READ_SCOPE[event.category]) || scopes.has("audit.read")) return event.full;
  if (scopes.has("keys.verify") && !event.name.startsWith("member.invit")) return event.idsOnly;
  return null;
}

function idsOf(category: Category, row: AuditEvent, metadata: Record<string, unknown>): Record<string, unknown> {
  switch (category) {
    case "keys": {
      const ids: Record<string, unknown> = { keyId: row.targetId };
      if (row.action === "key.rotated" && typeof metadata.replacedBy === "string") ids.newKeyId = metadata.replacedBy;
      return ids;
    }
    case "members":
      return row.targetType === "invitation" ? { invitationId: row.targetId } : { userId: row.targetId };
    case "workspace":
      return {};
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

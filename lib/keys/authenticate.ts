import type { VerifyCode } from "../api/schemas/keys";
import { intersectScopes, type Role, roleCeiling } from "../auth/scopes";
import type { Db } from "../db/client";
import { listMemberships, memberRole, type WorkspaceRef, workspaceRefSelect } from "../workspaces/lookup";
import { parseKey } from "./format";
import { hashKey } from "./hash";
import { isIpAllowed } from "./ip-allowlist";

/**
 * Everything that decides whether a presented key is usable right now, shared by the
 * verification endpoint and by API-key authentication of the REST API.
 */
export interface KeyCheck {
  code: VerifyCode;
  keyId: string | null;
  kind: "workspace" | "personal" | null;
  /** The key's creator (the owner, for a personal key). */
  userId: string | null;
  keyName: string | null;
  environment: "live" | "test" | null;
  expiresAt: Date | null;
  workspace: WorkspaceRef | null;
  role: Role | null;
  /** Key scopes ∩ the creator's current role ceiling (a personal key carries the whole ceiling). */
  scopes: string[];
  /** A personal key of a user in several workspaces, with no workspace named. */
  workspaceAmbiguous: boolean;
  /** A personal key asked to act in a workspace its owner is not a member of. */
  workspaceDenied: boolean;
}

export interface KeyCheckOptions {
  now: Date;
  /** x-workspace-id (id or slug), for personal keys. */
  workspaceHint?: string | null;
  /** The address the key is being used from; checked against the key's allowlist. */
  ip?: string | null;
}

const NOTHING: Omit<KeyCheck, "code"> = {
  keyId: null,
  kind: null,
  userId: null,
  keyName: null,
  environment: null,
  expiresAt: null,
  workspace: null,
  role: null,
  scopes: [],
  workspaceAmbiguous: false,
  workspaceDenied: false,
};

export async function checkKey(db: Db, secret: string, options: KeyCheckOptions): Promise<KeyCheck> {
  // The checksum refuses typos and forgeries before any database read.
  if (!parseKey(secret)) return { ...NOTHING, code: "MALFORMED" };
  const key = await db.apiKey.findUnique({
    where: { hash: hashKey(secret) },
    include: { workspace: { select: workspaceRefSelect } },
  });
  if (!key) return { ...NOTHING, code: "NOT_FOUND" };

  const base: Omit<KeyCheck, "code"> = {
    ...NOTHING,
    keyId: key.id,
    kind: key.kind as "workspace" | "personal",
    userId: key.createdById,
    keyName: key.name,
    environment: key.environment as "live" | "test",
    expiresAt: key.expiresAt,
    workspace: key.workspace,
  };
  if (key.revokedAt) return { ...base, code: "REVOKED" };
  if (key.expiresAt && key.expiresAt.getTime() <= options.now.getTime()) return { ...base, code: "EXPIRED" };
  if (!key.enabled) return { ...base, code: "DISABLED" };
  if (!isIpAllowed(options.ip, key.ipAllowlist)) return { ...base, code: "IP_NOT_ALLOWED" };

  if (key.kind === "personal") {
    const memberships = await listMemberships(db, key.createdById);
    const hint = options.workspaceHint;
    const membership = hint
      ? memberships.find((m) => m.workspace.id === hint || m.workspace.slug === hint)
      : memberships.length === 1
        ? memberships[0]
        : undefined;
    if (!membership) {
      return { ...base, code: "VALID", workspaceDenied: !!hint, workspaceAmbiguous: !hint && memberships.length > 1 };
    }
    const scopes = roleCeiling(membership.role, membership.workspace.customScopes);
    return { ...base, code: "VALID", workspace: membership.workspace, role: membership.role, scopes };
  }

  const role = key.workspace ? await memberRole(db, key.workspace.id, key.createdById) : null;
  // A removed creator's keys stop working.
  if (!key.workspace || !role) return { ...base, code: "DISABLED" };
  const scopes = intersectScopes(key.scopes, roleCeiling(role, key.workspace.customScopes));
  return { ...base, code: "VALID", role, scopes };
}

import type { VerifyCode } from "../api/schemas/keys";
import { intersectScopes, type Role, roleCeiling } from "../auth/scopes";
import type { Db } from "../db/client";
import {
  findWorkspace,
  listMemberships,
  memberRole,
  type WorkspaceRef,
  workspaceRefSelect,
} from "../workspaces/lookup";
import { parseKey } from "./format";
import { hashKey } from "./hash";

/**
 * Everything that decides whether a presented key is usable right now, shared by the
 * verification endpoint and by API-key authentication of the REST API.
 */
export interface KeyCheck {
  code: VerifyCode;
  keyId: string | null;
  /** The key's creator (the owner, for a personal key). */
  userId: string | null;
  keyName: string | null;
  environment: "live" | "test" | null;
  expiresAt: Date | null;
  workspace: WorkspaceRef | null;
  role: Role | null;
  /** Key scopes ∩ the creator's current role ceiling. */
  scopes: string[];
  /** A personal key of a user in several workspaces, with no workspace named. */
  workspaceAmbiguous: boolean;
}

export interface KeyCheckOptions {
  now: Date;
  /** x-workspace-id (id or slug), for personal keys. */
  workspaceHint?: string | null;
}

const NOTHING: Omit<KeyCheck, "code"> = {
  keyId: null,
  userId: null,
  keyName: null,
  environment: null,
  expiresAt: null,
  workspace: null,
  role: null,
  scopes: [],
  workspaceAmbiguous: false,
};

export async function checkKey(db: Db, secret: string, options: KeyCheckOptions): Promise<KeyCheck> {
  // The checksum refuses typos and forgeries before any database read.
  if (!parseKey(secret)) return { ...NOTHING, code: "MALFORMED" };
  const key = await db.apiKey.findUnique({
    where: { hash: hashKey(secret) },
    include: { workspace: { select: workspaceRefSelect } },
  });
  if (!key) return { ...NOTHING, code: "NOT_FOUND" };

  const base = {
    ...NOTHING,
    keyId: key.id,
    userId: key.createdById,
    keyName: key.name,
    environment: key.environment as "live" | "test",
    expiresAt: key.expiresAt,
    workspace: key.workspace,
  };
  if (key.revokedAt) return { ...base, code: "REVOKED" };
  if (key.expiresAt && key.expiresAt.getTime() <= options.now.getTime()) return { ...base, code: "EXPIRED" };
  if (!key.enabled) return { ...base, code: "DISABLED" };

  let workspace: WorkspaceRef | null = key.workspace;
  let role: Role | null = null;
  if (key.kind === "personal") {
    const memberships = await listMemberships(db, key.createdById);
    if (options.workspaceHint) {
      const hinted = await findWorkspace(db, options.workspaceHint);
      const membership = memberships.find((m) => m.workspace.id === hinted?.id);
      workspace = membership?.workspace ?? null;
      role = membership?.role ?? null;
      if (!membership) return { ...base, code: "DISABLED" };
    } else if (memberships.length === 1) {
      workspace = memberships[0].workspace;
      role = memberships[0].role;
    } else {
      return { ...base, code: "VALID", scopes: [], workspaceAmbiguous: memberships.length > 1 };
    }
  } else if (workspace) {
    role = await memberRole(db, workspace.id, key.createdById);
  }
  // A removed creator's keys stop working.
  if (!workspace || !role) return { ...base, code: "DISABLED" };

  const scopes = intersectScopes(key.scopes, roleCeiling(role, workspace.customScopes));
  return { ...base, code: "VALID", workspace, role, scopes };
}

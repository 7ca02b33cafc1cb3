import type { MemberView } from "../api/schemas/members";
import type { Db } from "../db/client";
import { toMemberView } from "./serialize";
import { listMembers } from "./service";

/** What GET /api/v1/members answers; pages that list members render it first on the server. */
export async function memberListView(db: Db, workspaceId: string): Promise<{ data: MemberView[] }> {
  return { data: (await listMembers(db, workspaceId)).map(toMemberView) };
}

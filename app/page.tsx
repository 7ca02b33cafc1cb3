import { redirect } from "next/navigation";
import { listMemberships } from "@/lib/workspaces/lookup";
import { requireUser } from "./_lib/session";

export default async function Home() {
  const { user, db } = await requireUser();
  const [first] = await listMemberships(db, user.id);
  redirect(first ? `/${first.workspace.slug}/keys` : "/new");
}

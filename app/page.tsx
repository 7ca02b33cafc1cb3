import { redirect } from "next/navigation";
import { requireUser } from "./_lib/session";
import { listMemberships } from "@/lib/workspaces/lookup";

export default async function Home() {
  const { user, db } = await requireUser();
  const [first] = await listMemberships(db, user.id);
  redirect(first ? `/${first.workspace.slug}/keys` : "/new");
}

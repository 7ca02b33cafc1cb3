import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getRuntime } from "@/lib/runtime";
import { listMemberships, type Membership } from "@/lib/workspaces/lookup";

/** The signed-in user for a page, or a redirect to /sign-in (and back to `returnTo` after it). */
export async function requireUser(returnTo?: string) {
  const runtime = await getRuntime();
  const session = await runtime.auth.api.getSession({ headers: await headers() });
  if (!session) redirect(returnTo ? `/sign-in?next=${encodeURIComponent(returnTo)}` : "/sign-in");
  return { user: session.user, db: runtime.database.db };
}

export async function optionalUser() {
  const runtime = await getRuntime();
  const session = await runtime.auth.api.getSession({ headers: await headers() });
  return session?.user ?? null;
}

/** The workspace named by the URL, if the user is a member; otherwise a 404 page. */
export async function requireMembership(
  slug: string,
): Promise<{ membership: Membership; memberships: Membership[]; user: { id: string; name: string; email: string } }> {
  const { user, db } = await requireUser();
  const memberships = await listMemberships(db, user.id);
  const membership = memberships.find((m) => m.workspace.slug === slug);
  if (!membership) notFound();
  return { membership, memberships, user };
}

import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { currentSession } from "@/lib/auth/current-session";
import { sessionSignedInAt } from "@/lib/auth/fresh-session";
import { type Principal, userPrincipal } from "@/lib/auth/principal";
import { blockedByTwoFactorRule } from "@/lib/auth/two-factor";
import type { Db } from "@/lib/db/client";
import { getRuntime } from "@/lib/runtime";
import { listMemberships, type Membership } from "@/lib/workspaces/lookup";

// Each is read once per request (React's cache): the layout, the page and its metadata all ask.

/** The signed-in user for a page, or a redirect to /sign-in (and back to `returnTo` after it). */
export const requireUser = cache(async (returnTo?: string) => {
  const runtime = await getRuntime();
  const session = await currentSession(runtime.auth, await headers());
  if (!session) redirect(returnTo ? `/sign-in?next=${encodeURIComponent(returnTo)}` : "/sign-in");
  return { user: session.user, signedInAt: sessionSignedInAt(session.session), db: runtime.database.db };
});

export const optionalUser = cache(async () => {
  const runtime = await getRuntime();
  const session = await currentSession(runtime.auth, await headers());
  return session?.user ?? null;
});

export interface PageMembership {
  membership: Membership;
  memberships: Membership[];
  user: { id: string; name: string; email: string };
  /** The user acting in this workspace, as the API's withAuth would see their session. */
  principal: Principal;
  db: Db;
  /** The request's time (the runtime's clock), for reads that depend on it. */
  now: Date;
}

/**
 * The workspace named by the URL, if the user is a member; otherwise a 404 page. A member
 * the workspace's two-factor rule shuts out is sent to the page asking them to set it up.
 */
export const requireMembership = cache(async (slug: string): Promise<PageMembership> => {
  const { user, signedInAt, db } = await requireUser();
  const memberships = await listMemberships(db, user.id);
  const membership = memberships.find((m) => m.workspace.slug === slug);
  if (!membership) notFound();
  if (await blockedByTwoFactorRule(db, membership.workspace, user.id)) {
    redirect(`/two-factor-required?workspace=${encodeURIComponent(slug)}`);
  }
  const runtime = await getRuntime();
  return {
    membership,
    memberships,
    user,
    principal: userPrincipal(user, membership, signedInAt),
    db,
    now: runtime.now(),
  };
});

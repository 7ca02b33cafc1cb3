import { ShieldAlert } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/app/_lib/session";
import { SignOutButton } from "@/components/workspace/sign-out-button";
import { blockedByTwoFactorRule } from "@/lib/auth/two-factor";
import { findMembership } from "@/lib/workspaces/lookup";

export const metadata: Metadata = { title: "Two-factor required" };

/** Where a workspace's pages send a member who has no second factor while the workspace requires one. */
export default async function TwoFactorRequiredPage({
  searchParams,
}: {
  searchParams: Promise<{ workspace?: string }>;
}) {
  const slug = (await searchParams).workspace ?? "";
  const { user, db } = await requireUser(`/two-factor-required?workspace=${encodeURIComponent(slug)}`);
  const membership = slug ? await findMembership(db, user.id, slug) : null;
  if (!membership) notFound();
  // Set up meanwhile (another tab): straight back in.
  if (!(await blockedByTwoFactorRule(db, membership.workspace, user.id)))
    redirect(`/${membership.workspace.slug}/keys`);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="flex items-center gap-2 text-lg font-semibold">
          <ShieldAlert aria-hidden className="h-5 w-5 text-primary" /> Two-factor authentication required
        </h1>
        <p className="mt-2 text-sm text-muted-foreground">
          <span className="font-medium text-foreground">{membership.workspace.name}</span> asks every member to protect
          their account with a second factor: an authenticator app or a passkey. Set one up on your account, then come
          back.
        </p>
        <p className="mt-2 text-sm text-muted-foreground">Your API keys are not affected.</p>
      </div>
      <Link
        href={`/account?from=${membership.workspace.slug}#two-factor`}
        className="inline-flex h-9 w-full items-center justify-center rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground hover:bg-primary/90 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        Set up two-factor
      </Link>
      <div className="flex justify-center">
        <SignOutButton />
      </div>
    </div>
  );
}

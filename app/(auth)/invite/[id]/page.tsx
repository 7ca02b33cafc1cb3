import type { Metadata } from "next";
import Link from "next/link";
import { optionalUser } from "@/app/_lib/session";
import { findOpenInvitation } from "@/lib/members/service";
import { getRuntime } from "@/lib/runtime";
import { AcceptInvitation } from "./accept-invitation";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const runtime = await getRuntime();
  const [invitation, user] = await Promise.all([
    findOpenInvitation(runtime.database.db, id, runtime.now()),
    optionalUser(),
  ]);
  return (
    <div className="space-y-4">
      {!invitation ? (
        <>
          <h1 className="text-lg font-semibold">This invitation cannot be used</h1>
          <p className="text-sm text-muted-foreground">
            It was already accepted, canceled, or has expired. Ask a workspace admin for a new link.
          </p>
        </>
      ) : (
        <>
          <h1 className="text-lg font-semibold">Join {invitation.workspaceName}</h1>
          <p className="text-sm text-muted-foreground">
            {invitation.email} was invited to join as <strong className="text-foreground">{invitation.role}</strong>.
          </p>
          {user ? (
            <AcceptInvitation invitation={invitation} signedInAs={user.email} />
          ) : (
            <div className="flex flex-col gap-2 sm:flex-row">
              <Link
                href={`/sign-up?invite=${invitation.id}`}
                className="inline-flex h-10 flex-1 items-center justify-center rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground hover:opacity-90 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background"
              >
                Create an account
              </Link>
              <Link
                href={`/sign-in?next=/invite/${invitation.id}`}
                className="inline-flex h-10 flex-1 items-center justify-center rounded-md border border-border px-4 text-sm font-medium hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background"
              >
                Sign in
              </Link>
            </div>
          )}
        </>
      )}
    </div>
  );
}

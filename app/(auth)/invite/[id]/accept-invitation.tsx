"use client";

import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { SignOutButton } from "@/components/workspace/sign-out-button";
import { apiFetch } from "@/lib/client/api";
import type { OpenInvitation } from "@/lib/members/service";

export function AcceptInvitation({ invitation, signedInAs }: { invitation: OpenInvitation; signedInAs: string }) {
  const hydrated = useHydrated();
  const accept = useMutation({
    mutationFn: () =>
      apiFetch<{ workspace: { slug: string } }>(`/api/v1/invitations/${invitation.id}/accept`, { method: "POST" }),
    // A full load: the new membership changes everything the app has cached about the user,
    // and a client navigation could be overtaken by the sign-in's refresh still in flight.
    onSuccess: ({ workspace }) => window.location.assign(`/${workspace.slug}/keys`),
  });

  if (signedInAs.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <div className="space-y-3">
        <FormError message={`You are signed in as ${signedInAs}. Sign out, then sign in as ${invitation.email}.`} />
        <SignOutButton next={`/sign-in?next=/invite/${invitation.id}`} variant="secondary" size="md" className="w-full">
          Sign out and use another account
        </SignOutButton>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <FormError message={accept.error?.message} />
      <Button
        className="w-full"
        onClick={() => accept.mutate()}
        disabled={!hydrated || accept.isPending || accept.isSuccess}
      >
        {accept.isPending || accept.isSuccess ? "Joining…" : `Join ${invitation.workspaceName}`}
      </Button>
    </div>
  );
}

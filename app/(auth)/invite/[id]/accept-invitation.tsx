"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { SignOutButton } from "@/components/workspace/sign-out-button";
import { apiFetch } from "@/lib/client/api";
import type { OpenInvitation } from "@/lib/members/service";

export function AcceptInvitation({ invitation, signedInAs }: { invitation: OpenInvitation; signedInAs: string }) {
  const router = useRouter();
  const accept = useMutation({
    mutationFn: () =>
      apiFetch<{ workspace: { slug: string } }>(`/api/v1/invitations/${invitation.id}/accept`, { method: "POST" }),
    onSuccess: ({ workspace }) => {
      router.replace(`/${workspace.slug}/keys`);
      router.refresh();
    },
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
      <Button className="w-full" onClick={() => accept.mutate()} disabled={accept.isPending}>
        {accept.isPending ? "Joining…" : `Join ${invitation.workspaceName}`}
      </Button>
    </div>
  );
}

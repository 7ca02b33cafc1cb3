"use client";

import { useMutation } from "@tanstack/react-query";
import { CheckCircle2, Terminal, XCircle } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { ScopePicker } from "@/components/keys/scope-picker";
import { Button } from "@/components/ui/button";
import { Field, FormError, Select } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { SignOutButton } from "@/components/workspace/sign-out-button";
import type { ApproveCliLoginInput } from "@/lib/api/schemas/cli-login";
import type { Role } from "@/lib/auth/scopes";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { Outcome } from "./outcome";

export interface PendingLogin {
  code: string;
  deviceName: string;
  /** "2 min ago", said by the server so the page reads the same before and after hydration. */
  requested: string;
  requestedAt: string;
  expires: string;
  from: string | null;
}

export interface WorkspaceChoice {
  id: string;
  slug: string;
  name: string;
  role: Role;
  /** Without it, a key (the CLI's too) cannot create keys there. */
  allowKeyMinting: boolean;
  /** The role's ceiling there: what the new key may hold. */
  grantable: string[];
}

/** Least privilege by default, as in the create-key dialog: the reads the role allows. */
const readScopes = (workspace: WorkspaceChoice) => workspace.grantable.filter((scope) => scope.endsWith(".read"));

export function AuthorizeCli({
  request,
  workspaces,
  signedInAs,
}: {
  request: PendingLogin;
  workspaces: WorkspaceChoice[];
  signedInAs: string;
}) {
  const hydrated = useHydrated();
  const [workspaceId, setWorkspaceId] = useState(workspaces[0].id);
  const workspace = workspaces.find((w) => w.id === workspaceId) ?? workspaces[0];
  const [scopes, setScopes] = useState(() => readScopes(workspace));
  const decide = useMutation({
    mutationFn: (decision: "approve" | "deny") =>
      apiFetch<{ status: "approved" | "denied" }>(`/api/v1/cli/login/${decision}`, {
        method: "POST",
        body:
          decision === "approve"
            ? ({ code: request.code, workspace: workspace.id, scopes } satisfies ApproveCliLoginInput)
            : { code: request.code },
      }),
  });

  if (decide.data?.status === "approved") {
    return (
      <Outcome icon={<CheckCircle2 aria-hidden className="h-5 w-5 text-primary" />} title="CLI approved">
        <p>
          Go back to your terminal: keysmith on <strong className="text-foreground">{request.deviceName}</strong> is
          collecting its key, <strong className="text-foreground">CLI on {request.deviceName}</strong> in{" "}
          {workspace.name}. You can revoke it from the key table like any other.
        </p>
        <Link
          href={`/${workspace.slug}/keys`}
          className="inline-block font-medium text-primary underline-offset-4 hover:underline"
        >
          Open {workspace.name}'s keys
        </Link>
      </Outcome>
    );
  }
  if (decide.data?.status === "denied") {
    return (
      <Outcome icon={<XCircle aria-hidden className="h-5 w-5 text-danger" />} title="Request denied">
        <p>No key was created; the CLI has been told.</p>
      </Outcome>
    );
  }

  const issue = decide.error instanceof ApiClientError ? decide.error : null;
  return (
    <div className="space-y-5" data-layout="wide">
      <div>
        <h1 className="flex items-center gap-2 text-lg font-semibold">
          <Terminal aria-hidden className="h-5 w-5 text-primary" /> Authorize the Keysmith CLI
        </h1>
        <p className="mt-1 text-sm text-muted-foreground">
          Approve only if you just ran <code className="font-mono text-foreground">keysmith login</code> and your
          terminal shows this code.
        </p>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 rounded-lg border border-border bg-muted/40 px-4 py-3 text-sm">
        <dt className="text-muted-foreground">Code</dt>
        <dd className="font-mono font-semibold tracking-widest" data-testid="cli-code">
          {request.code}
        </dd>
        <dt className="text-muted-foreground">Device</dt>
        <dd className="break-all font-medium">{request.deviceName}</dd>
        <dt className="text-muted-foreground">Requested</dt>
        <dd>
          <time dateTime={request.requestedAt}>{request.requested}</time>
          {request.from ? <span className="text-muted-foreground"> from {request.from}</span> : null}
        </dd>
        <dt className="text-muted-foreground">Expires</dt>
        <dd>{request.expires}</dd>
      </dl>
      <FormError message={decide.error && !issue?.fieldError("scopes") ? decide.error.message : null} />
      <Field
        label="Workspace"
        hint={`You are ${article(workspace.role)} ${workspace.role} there.${
          workspace.allowKeyMinting
            ? ""
            : " Its settings do not allow key minting: the CLI will list, rotate and revoke keys, not create them."
        }`}
      >
        {(p) => (
          <Select
            {...p}
            value={workspace.id}
            onChange={(event) => {
              const next = workspaces.find((w) => w.id === event.target.value) ?? workspaces[0];
              setWorkspaceId(next.id);
              setScopes(readScopes(next));
            }}
          >
            {workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name} ({w.slug})
              </option>
            ))}
          </Select>
        )}
      </Field>
      <ScopePicker
        grantable={workspace.grantable}
        value={scopes}
        onChange={setScopes}
        error={issue?.fieldError("scopes")}
      />
      <p className="text-xs text-muted-foreground">
        The CLI gets a new key, <strong className="text-foreground">CLI on {request.deviceName}</strong>, created by you
        ({signedInAs}). Its secret goes straight to the CLI and is never shown here.
      </p>
      <div className="flex flex-col-reverse gap-2 sm:flex-row">
        <Button
          variant="secondary"
          className="flex-1"
          disabled={!hydrated || decide.isPending}
          onClick={() => decide.mutate("deny")}
        >
          Deny
        </Button>
        <Button className="flex-1" disabled={!hydrated || decide.isPending} onClick={() => decide.mutate("approve")}>
          {decide.isPending && decide.variables === "approve" ? "Approving…" : "Approve"}
        </Button>
      </div>
      <p className="text-center text-xs text-muted-foreground">
        Not you?{" "}
        <SignOutButton
          next={`/sign-in?next=${encodeURIComponent(`/cli/authorize?code=${request.code}`)}`}
          variant="ghost"
          size="sm"
          className="h-auto px-1 py-0 text-xs underline-offset-4 hover:underline"
        >
          Sign out
        </SignOutButton>
      </p>
    </div>
  );
}

const article = (role: Role) => (role === "owner" || role === "admin" ? "an" : "a");

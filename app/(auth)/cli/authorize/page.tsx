import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/session";
import { roleCeiling } from "@/lib/auth/scopes";
import { findCliLogin, type LoginState } from "@/lib/cli-login/service";
import { getRuntime } from "@/lib/runtime";
import { formatRelative } from "@/lib/time/relative";
import { listMemberships } from "@/lib/workspaces/lookup";
import { AuthorizeCli } from "./authorize-cli";
import { CodeForm } from "./code-form";
import { Outcome } from "./outcome";

export const metadata: Metadata = { title: "Authorize the CLI" };

/** What the page says about a request that can no longer be approved. */
const CLOSED: Record<Exclude<LoginState, "pending">, { title: string; text: string }> = {
  approved: {
    title: "Already approved",
    text: "This request was approved. The CLI collects its key on its next check; you can close this tab.",
  },
  used: {
    title: "This code was already used",
    text: "Its key was handed to the CLI. Run keysmith login again for a new one.",
  },
  denied: {
    title: "This request was denied",
    text: "No key was created. Run keysmith login again if that was a mistake.",
  },
  expired: { title: "This code has expired", text: "Codes last 10 minutes. Run keysmith login again for a new one." },
};

export default async function CliAuthorizePage({
  searchParams,
}: {
  searchParams: Promise<{ code?: string | string[] }>;
}) {
  const { code: raw } = await searchParams;
  const code = typeof raw === "string" ? raw.trim() : "";
  const { user, db } = await requireUser(code ? `/cli/authorize?code=${encodeURIComponent(code)}` : "/cli/authorize");
  const now = (await getRuntime()).now();
  const request = code ? await findCliLogin(db, code, now) : null;

  if (!request) {
    return (
      <div className="space-y-4">
        <h1 className="text-lg font-semibold">{code ? "Unknown code" : "Authorize the CLI"}</h1>
        <p className="text-sm text-muted-foreground">
          {code
            ? `No login request has the code ${code}. Check it against your terminal, or run keysmith login again.`
            : "Enter the code keysmith login printed in your terminal."}
        </p>
        <CodeForm defaultValue={code} />
      </div>
    );
  }
  if (request.state !== "pending") {
    const { title, text } = CLOSED[request.state];
    return (
      <Outcome title={title}>
        <p>{text}</p>
      </Outcome>
    );
  }

  const memberships = await listMemberships(db, user.id);
  if (memberships.length === 0) {
    return (
      <Outcome title="You have no workspace yet">
        <p>
          The CLI gets a key in one of your workspaces.{" "}
          <Link href="/new" className="font-medium text-primary underline-offset-4 hover:underline">
            Create a workspace
          </Link>
          , then open this link again.
        </p>
      </Outcome>
    );
  }
  return (
    <AuthorizeCli
      request={{
        code: request.code,
        deviceName: request.deviceName,
        requested: formatRelative(request.createdAt, now),
        requestedAt: request.createdAt.toISOString(),
        expires: formatRelative(request.expiresAt, now),
        from: request.requestIp,
      }}
      workspaces={memberships.map(({ workspace, role }) => ({
        id: workspace.id,
        slug: workspace.slug,
        name: workspace.name,
        role,
        allowKeyMinting: workspace.allowKeyMinting,
        grantable: roleCeiling(role, workspace.customScopes),
      }))}
      signedInAs={user.email}
    />
  );
}

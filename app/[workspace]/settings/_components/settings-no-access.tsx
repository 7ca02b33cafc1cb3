import { Lock } from "lucide-react";
import Link from "next/link";

/** What a member sees at /settings: a clear answer, not a broken page. */
export function SettingsNoAccess({ slug, workspaceName }: { slug: string; workspaceName: string }) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <div
        data-testid="settings-no-access"
        className="flex flex-col items-center rounded-xl border border-dashed border-border bg-card px-6 py-16 text-center"
      >
        <Lock aria-hidden className="h-8 w-8 text-muted-foreground" />
        <h2 className="mt-3 font-medium">You don't have access to settings</h2>
        <p className="mt-1 max-w-md text-sm text-muted-foreground">
          Only admins and owners of {workspaceName} can see and change its settings. You are a member: ask an admin if
          something here needs to change.
        </p>
        <div className="mt-5 flex gap-2">
          <Link
            href={`/${slug}/keys`}
            className="inline-flex h-10 items-center rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground hover:opacity-90 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background"
          >
            Back to API keys
          </Link>
          <Link
            href={`/${slug}/members`}
            className="inline-flex h-10 items-center rounded-md border border-border bg-card px-4 text-sm font-medium hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background"
          >
            See who the admins are
          </Link>
        </div>
      </div>
    </div>
  );
}

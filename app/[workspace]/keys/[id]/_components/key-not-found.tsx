"use client";

import { ArrowLeft, SearchX } from "lucide-react";
import Link from "next/link";
import { useParams } from "next/navigation";

/** The key in the URL is not in this workspace (wrong link, or another workspace's key). */
export function KeyNotFound() {
  const { workspace } = useParams<{ workspace: string }>();
  return (
    <div className="mx-auto flex max-w-md flex-col items-center rounded-xl border border-dashed border-border bg-card px-6 py-16 text-center">
      <SearchX aria-hidden className="h-9 w-9 text-muted-foreground" />
      <h1 className="mt-3 text-lg font-semibold">Key not found</h1>
      <p className="mt-1 text-sm text-muted-foreground">
        There is no API key with this ID in this workspace. It may belong to another workspace, or the link may be
        mistyped.
      </p>
      <Link
        href={`/${workspace}/keys`}
        className="mt-5 inline-flex h-9 items-center gap-1.5 rounded-md bg-primary px-3.5 text-sm font-medium text-primary-foreground hover:opacity-90 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background"
      >
        <ArrowLeft aria-hidden className="h-4 w-4" /> Back to API keys
      </Link>
    </div>
  );
}

import Link from "next/link";

/** A reset link that was used already, expired, or was never one. */
export function ResetLinkInvalid() {
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold">This reset link no longer works</h1>
      <p role="alert" className="text-sm text-muted-foreground">
        A link to reset your password works once, within an hour of being sent. This one was used already, has expired,
        or is incomplete.
      </p>
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="font-medium text-primary underline-offset-4 hover:underline">
          Request a new link
        </Link>
      </p>
    </div>
  );
}

import type { Metadata } from "next";
import { isResetTokenOpen } from "@/lib/auth/reset-token";
import { getRuntime } from "@/lib/runtime";
import { ResetLinkInvalid } from "./reset-link-invalid";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

/** better-auth sends the mailed link here as ?token=… when it is valid, ?error=INVALID_TOKEN when not. */
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[]; error?: string | string[] }>;
}) {
  const { token, error } = await searchParams;
  if (error || typeof token !== "string" || token.length === 0 || token.length > 200) return <ResetLinkInvalid />;
  const runtime = await getRuntime();
  if (!(await isResetTokenOpen(runtime.database.db, token, runtime.now()))) return <ResetLinkInvalid />;
  return <ResetPasswordForm token={token} />;
}

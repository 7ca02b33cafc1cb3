import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { optionalUser } from "@/app/_lib/session";
import { config } from "@/lib/config";
import { findOpenInvitation } from "@/lib/members/service";
import { getRuntime } from "@/lib/runtime";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ invite?: string }> }) {
  const { invite } = await searchParams;
  if (await optionalUser()) redirect(invite ? `/invite/${invite}` : "/");
  const runtime = await getRuntime();
  const invitation = invite ? await findOpenInvitation(runtime.database.db, invite, runtime.now()) : null;
  return <SignUpForm invitation={invitation} personalKeyAtSignUp={config().KEYSMITH_PERSONAL_KEY_AT_SIGNUP} />;
}

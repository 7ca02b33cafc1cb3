import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/app/_lib/next-path";
import { optionalUser } from "@/app/_lib/session";
import { config } from "@/lib/config";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await optionalUser()) redirect(next ?? "/");
  return <SignInForm next={next} personalKeyAtSignUp={config().KEYSMITH_PERSONAL_KEY_AT_SIGNUP} />;
}

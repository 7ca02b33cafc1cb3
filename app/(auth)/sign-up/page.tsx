import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { optionalUser } from "@/app/_lib/session";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage() {
  if (await optionalUser()) redirect("/");
  return <SignUpForm />;
}

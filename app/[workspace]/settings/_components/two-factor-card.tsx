"use client";

import Link from "next/link";
import type { WorkspaceView } from "@/lib/api/schemas/workspaces";
import { SwitchSettingCard } from "./switch-setting-card";

/** Whether members must have two-factor (TOTP or a passkey) to act here. Off by default. */
export function TwoFactorCard({ workspace }: { workspace: WorkspaceView }) {
  return (
    <SwitchSettingCard
      workspace={workspace}
      setting="requireTwoFactor"
      id="two-factor"
      title="Two-factor authentication"
      description="Whether members must protect their account with a second factor to work in this workspace."
      label="Members must use two-factor"
      hint={
        <>
          A member without an authenticator app or a passkey still signs in, but sees only a page asking them to set one
          up on{" "}
          <Link href="/account" className="font-medium text-primary underline-offset-4 hover:underline">
            their account
          </Link>
          , and their signed-in API calls here are refused. Their API keys keep working.
        </>
      }
      on={{
        footer: "On: members without two-factor are sent to set it up.",
        saved: "Members now must use two-factor",
      }}
      off={{ footer: "Off by default: a password is enough.", saved: "Two-factor is optional again" }}
    />
  );
}

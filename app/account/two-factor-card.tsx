"use client";

import { ShieldCheck } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { AccountCard } from "@/components/ui/account-card";
import { Button } from "@/components/ui/button";
import { authClient } from "@/lib/auth/client";
import { BackupCodes } from "./backup-codes";
import { PasswordStep } from "./password-step";
import { TotpSetup } from "./totp-setup";

type Step =
  | { name: "off" }
  | { name: "password" }
  | { name: "scan"; totpURI: string; backupCodes: string[] }
  | { name: "codes"; backupCodes: string[] }
  | { name: "on" }
  | { name: "regenerating" }
  | { name: "disabling" };

/** TOTP through better-auth's twoFactor plugin: password → scan and confirm → backup codes, shown once. */
export function TwoFactorCard({ enabled }: { enabled: boolean }) {
  const router = useRouter();
  const [step, setStep] = useState<Step>(enabled ? { name: "on" } : { name: "off" });

  async function start(password: string) {
    const { data, error } = await authClient.twoFactor.enable({ password, method: "totp" });
    if (error || data?.method !== "totp") return error?.message ?? "Could not start the setup";
    setStep({ name: "scan", totpURI: data.totpURI, backupCodes: data.backupCodes });
    return null;
  }

  async function disable(password: string) {
    const { error } = await authClient.twoFactor.disable({ password });
    if (error) return error.message ?? "Could not turn two-factor off";
    setStep({ name: "off" });
    toast.success("Two-factor authentication is off");
    router.refresh();
    return null;
  }

  async function regenerate(password: string) {
    const { data, error } = await authClient.twoFactor.generateBackupCodes({ password });
    if (error || !data) return error?.message ?? "Could not make new backup codes";
    setStep({ name: "codes", backupCodes: data.backupCodes });
    toast.success("New backup codes: the old ones no longer work");
    return null;
  }

  const on = step.name !== "off" && step.name !== "password" && step.name !== "scan";
  const back = () => setStep(on ? { name: "on" } : { name: "off" });
  return (
    <AccountCard
      id="two-factor"
      title="Two-factor authentication"
      description="After your password, sign-in asks for a code from an authenticator app."
      footer={
        on
          ? "On: keep your backup codes somewhere safe; each one works once."
          : "Off: your password alone signs you in."
      }
    >
      {step.name === "off" ? (
        <Button variant="secondary" onClick={() => setStep({ name: "password" })}>
          Set up an authenticator app
        </Button>
      ) : null}
      {step.name === "password" ? (
        <PasswordStep action="Continue" pendingLabel="Checking…" onSubmit={start} onCancel={back} />
      ) : null}
      {step.name === "scan" ? (
        <TotpSetup
          totpURI={step.totpURI}
          onConfirmed={() => {
            setStep({ name: "codes", backupCodes: step.backupCodes });
            toast.success("Two-factor authentication is on");
            router.refresh();
          }}
        />
      ) : null}
      {step.name === "codes" ? <BackupCodes codes={step.backupCodes} onDone={() => setStep({ name: "on" })} /> : null}
      {step.name === "on" ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="flex items-center gap-2 text-sm font-medium">
            <ShieldCheck aria-hidden className="h-4 w-4 text-primary" /> Authenticator app is on
          </p>
          <div className="flex gap-2">
            <Button variant="secondary" size="sm" onClick={() => setStep({ name: "regenerating" })}>
              New backup codes…
            </Button>
            <Button variant="secondary" size="sm" onClick={() => setStep({ name: "disabling" })}>
              Turn off…
            </Button>
          </div>
        </div>
      ) : null}
      {step.name === "regenerating" ? (
        <PasswordStep action="Make new codes" pendingLabel="Making…" onSubmit={regenerate} onCancel={back} />
      ) : null}
      {step.name === "disabling" ? (
        <PasswordStep
          action="Turn off"
          pendingLabel="Turning off…"
          variant="danger"
          onSubmit={disable}
          onCancel={back}
        />
      ) : null}
    </AccountCard>
  );
}

"use client";

import QRCode from "qrcode";
import { type FormEvent, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { authClient } from "@/lib/auth/client";

/** The secret an otpauth:// URI carries, for typing into an app that cannot scan. */
function secretOf(totpURI: string): string {
  return new URL(totpURI).searchParams.get("secret") ?? "";
}

/** Step two of enabling TOTP: scan the QR code (or type the secret), then confirm with a code from the app. */
export function TotpSetup({ totpURI, onConfirmed }: { totpURI: string; onConfirmed: () => void }) {
  const [qr, setQr] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const secret = secretOf(totpURI);

  useEffect(() => {
    // An SVG as a data URL: sharp at any size, and no canvas needed.
    QRCode.toString(totpURI, { type: "svg", margin: 1, errorCorrectionLevel: "M" }).then((svg) =>
      setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
    );
  }, [totpURI]);

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").replace(/\s/g, "");
    setError(null);
    setFieldError(/^\d{6}$/.test(code) ? undefined : "Enter the 6-digit code from your app");
    if (!/^\d{6}$/.test(code)) return;
    setPending(true);
    const { error } = await authClient.twoFactor.verifyTotp({ code });
    setPending(false);
    if (error) return setError(error.message ?? "That code did not work");
    onConfirmed();
  }

  return (
    <div className="grid gap-6 sm:grid-cols-[auto_1fr]">
      <div className="mx-auto h-44 w-44 rounded-md bg-white p-2">
        {/* biome-ignore lint/performance/noImgElement: a data URL, nothing for next/image to optimize */}
        {qr ? <img src={qr} alt="QR code to scan with your authenticator app" className="h-full w-full" /> : null}
      </div>
      <form onSubmit={confirm} className="space-y-3" noValidate>
        <p className="text-sm text-muted-foreground">
          Scan the QR code with an authenticator app (1Password, Google Authenticator, …), or type this secret into it:
        </p>
        <code
          data-testid="totp-secret"
          className="block break-all rounded-md border border-border bg-muted/40 px-3 py-2 font-mono text-sm tracking-wider"
        >
          {/* In groups of four, as apps show and accept it. */}
          {secret.match(/.{1,4}/g)?.join(" ")}
        </code>
        <FormError message={error} />
        <div className="flex flex-wrap items-end gap-3">
          <div className="w-44">
            <Field label="Code from the app" error={fieldError}>
              {(p) => (
                <Input {...p} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} autoFocus />
              )}
            </Field>
          </div>
          <Button type="submit" disabled={pending}>
            {pending ? "Checking…" : "Turn on"}
          </Button>
        </div>
      </form>
    </div>
  );
}

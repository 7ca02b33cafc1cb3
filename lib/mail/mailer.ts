import { createTransport, type Transporter } from "nodemailer";
import { config } from "../config";
import type { MailMessage } from "./layout";

/**
 * Sends through the SMTP server SMTP_URL names, from MAIL_FROM. Without SMTP_URL there is no
 * mailer and nothing is sent: the dashboard shows invitation links to the admin instead.
 * Held on globalThis like the runtime, so Next's copy of this module shares one connection pool.
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

const MAILER = Symbol.for("keysmith.mailer");
type Holder = typeof globalThis & { [MAILER]?: Mailer | null };

export function mailer(): Mailer | null {
  const holder = globalThis as Holder;
  if (holder[MAILER] === undefined) {
    const { SMTP_URL, MAIL_FROM } = config();
    holder[MAILER] = SMTP_URL && MAIL_FROM ? smtpMailer(SMTP_URL, MAIL_FROM) : null;
  }
  return holder[MAILER];
}

export function mailEnabled(): boolean {
  return mailer() !== null;
}

function smtpMailer(url: string, from: string): Mailer {
  const transport: Transporter = createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

/**
 * Sends in the background: the request that caused the mail does not wait for the SMTP
 * server (a reset request then takes as long whether or not the address has an account),
 * and a failure is logged with the recipient and the server's answer, never the mail's link.
 */
export function sendInBackground(message: MailMessage): void {
  const sender = mailer();
  if (!sender) return;
  sender.send(message).catch((error: unknown) => {
    console.error(
      `[keysmith] could not send "${message.subject}" to ${message.to}:`,
      error instanceof Error ? error.message : error,
    );
  });
}

/** The start-up line about mail: which server, without its credentials, or that mail is off. */
export function describeMail(): string {
  const { SMTP_URL } = config();
  if (!SMTP_URL) return "mail is off (no SMTP_URL): invitation links are shown in the dashboard, nothing is emailed";
  const url = new URL(SMTP_URL);
  return `mail goes out through ${url.protocol}//${url.host}`;
}

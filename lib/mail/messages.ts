import { type MailMessage, renderMail } from "./layout";

/**
 * Every mail Keysmith sends. None carries a secret: an API key's is shown once in the
 * dashboard and never again; the links hold single-use tokens, which are the point of them.
 */

export function invitationMail(input: {
  to: string;
  workspaceName: string;
  inviterName: string;
  role: string;
  link: string;
  expiresAt: Date;
}): MailMessage {
  return renderMail({
    to: input.to,
    subject: `You're invited to ${input.workspaceName} on Keysmith`,
    paragraphs: [
      `${input.inviterName} invited you to join the workspace ${input.workspaceName} as ${input.role}.`,
      `The invitation is for this address (${input.to}) and can be accepted until ${input.expiresAt.toUTCString()}.`,
    ],
    action: { label: "Accept the invitation", url: input.link },
    footer: "If you did not expect this invitation, ignore this mail: nothing happens until you accept it.",
  });
}

export function passwordResetMail(input: { to: string; name: string; link: string }): MailMessage {
  return renderMail({
    to: input.to,
    subject: "Reset your Keysmith password",
    paragraphs: [
      `Hello ${input.name},`,
      "Someone asked to reset the password of your Keysmith account. The link below works once, within an hour; setting a new password signs you out everywhere else.",
    ],
    action: { label: "Choose a new password", url: input.link },
    footer: "If you did not ask for this, ignore this mail: your password stays as it is.",
  });
}

export function verificationMail(input: { to: string; name: string; link: string }): MailMessage {
  return renderMail({
    to: input.to,
    subject: "Verify your email address for Keysmith",
    paragraphs: [`Hello ${input.name},`, `Confirm that ${input.to} is your address by following the link below.`],
    action: { label: "Verify my email address", url: input.link },
    footer: "If you did not create a Keysmith account, ignore this mail.",
  });
}

export function keyRevokedMail(input: {
  to: string;
  keyName: string;
  workspaceName: string;
  revokedBy: string;
  revokedAt: Date;
  link: string;
}): MailMessage {
  return renderMail({
    to: input.to,
    subject: `Your API key "${input.keyName}" was revoked`,
    paragraphs: [
      `${input.revokedBy} revoked your API key "${input.keyName}" in the workspace ${input.workspaceName} on ${input.revokedAt.toUTCString()}.`,
      "Requests made with it are refused from now on. If a service still uses it, create a new key and replace it there.",
    ],
    action: { label: "See the key", url: input.link },
    footer: "You get this mail because you created the key.",
  });
}

/** Whether the reader created the key or administers where it lives: said in the footer. */
type ExpiryReader = "creator" | "admin";

const expiryFooter = (reader: ExpiryReader) =>
  reader === "creator"
    ? "You get this mail because you created the key."
    : "You get this mail because you are an owner or admin where the key lives.";

export function keyExpiringMail(input: {
  to: string;
  keyName: string;
  placeName: string | null;
  daysLeft: number;
  expiresAt: Date;
  link: string;
  reader: ExpiryReader;
}): MailMessage {
  const when = input.daysLeft <= 1 ? "within a day" : `in ${input.daysLeft} days`;
  const where = input.placeName ? ` in ${input.placeName}` : "";
  return renderMail({
    to: input.to,
    subject: `The API key "${input.keyName}" expires ${when}`,
    paragraphs: [
      `The API key "${input.keyName}"${where} expires on ${input.expiresAt.toUTCString()}. From then on, requests made with it are refused.`,
      "If a service still needs it, rotate the key (with a fresh expiry window) and give the service the new secret before then.",
    ],
    action: { label: "See the key", url: input.link },
    footer: expiryFooter(input.reader),
  });
}

export function keyExpiredMail(input: {
  to: string;
  keyName: string;
  placeName: string | null;
  expiresAt: Date;
  link: string;
  reader: ExpiryReader;
}): MailMessage {
  const where = input.placeName ? ` in ${input.placeName}` : "";
  return renderMail({
    to: input.to,
    subject: `The API key "${input.keyName}" has expired`,
    paragraphs: [
      `The API key "${input.keyName}"${where} expired on ${input.expiresAt.toUTCString()}. Requests made with it are refused.`,
      "If a service still needs it, rotate the key with a fresh expiry window and give the service the new secret.",
    ],
    action: { label: "See the key", url: input.link },
    footer: expiryFooter(input.reader),
  });
}

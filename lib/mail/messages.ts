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

export function keyLeakedMail(input: {
  to: string;
  keyName: string;
  /** The key's masked preview (`sk_live_3f9a…a7b8`): enough to recognise it, useless to use it. */
  maskedKey: string;
  workspaceName: string;
  /** Who reported it and where they found it, as the reporter said (either may be missing). */
  source: string | null;
  foundAt: string | null;
  reportedAt: Date;
  response: "revoked" | "disabled";
  /** Why this reader is told: they created the key, or they administer the workspace. */
  reason: "creator" | "admin";
  link: string;
}): MailMessage {
  const who = input.source ? `${input.source} reported` : "Someone reported";
  const where = input.foundAt ? ` It was found at ${input.foundAt} (as the reporter gave it).` : "";
  const done =
    input.response === "revoked"
      ? "Keysmith revoked it at once: requests made with it are refused from now on, for good. Create a new key and replace it wherever the old one is used."
      : "Keysmith disabled it, as the workspace's leak policy asks: requests made with it are refused until someone turns it back on. Replace it with a new key and revoke it; turn it back on only if you are sure it did not leak.";
  return renderMail({
    to: input.to,
    subject: `API key "${input.keyName}" was reported leaked and ${input.response}`,
    paragraphs: [
      `${who} the API key "${input.keyName}" (${input.maskedKey}) of the workspace ${input.workspaceName} as leaked on ${input.reportedAt.toUTCString()}.${where}`,
      done,
      "Look at where the key was stored or shared (a repository, a log, a chat), remove it from there, and check the workspace's audit log for its recent use.",
    ],
    action: { label: "See the key", url: input.link },
    footer:
      input.reason === "creator"
        ? "You get this mail because you created the key."
        : `You get this mail because you are an owner or admin of ${input.workspaceName}.`,
  });
}

export function webhookDisabledMail(input: {
  to: string;
  url: string;
  workspaceName: string;
  failingSince: Date;
  link: string;
}): MailMessage {
  return renderMail({
    to: input.to,
    subject: `A webhook of ${input.workspaceName} was disabled`,
    paragraphs: [
      `Deliveries to ${input.url} have failed since ${input.failingSince.toUTCString()}, so Keysmith stopped sending events there.`,
      "The delivery log shows what the endpoint answered. Once it works again, enable the webhook and redeliver what it missed.",
    ],
    action: { label: "Open the webhooks", url: input.link },
    footer: `You get this mail because you are an owner or admin of ${input.workspaceName}.`,
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

import { publicBaseUrl } from "../config";
import type { Db } from "../db/client";
import { keyRecipients } from "../mail/key-recipients";
import { mailEnabled, sendInBackground } from "../mail/mailer";
import { keyExpiredMail, keyExpiringMail } from "../mail/messages";
import type { ExpiryAnnouncement } from "./expiry-announcer";

/**
 * Mails each announcement to the key's creator and its workspace's owners and admins. Only the
 * instance whose sweep claimed a key has its announcement, so each mail is sent once. Nothing
 * is read when mail is off.
 */
export async function mailExpiryAnnouncements(db: Db, announcements: ExpiryAnnouncement[]): Promise<void> {
  if (announcements.length === 0 || !mailEnabled()) return;
  const byKey = new Map(
    (
      await keyRecipients(
        db,
        announcements.map((a) => a.keyId),
      )
    ).map((k) => [k.keyId, k]),
  );
  for (const announcement of announcements) {
    const key = byKey.get(announcement.keyId);
    if (!key) continue;
    const page =
      key.kind === "personal" ? "/account" : key.workspaceSlug ? `/${key.workspaceSlug}/keys/${key.keyId}` : "";
    const link = `${publicBaseUrl()}${page}`;
    for (const person of key.recipients) {
      const reader = person.creator ? ("creator" as const) : ("admin" as const);
      const common = { to: person.email, keyName: key.keyName, placeName: key.placeName, link, reader };
      sendInBackground(
        announcement.action === "key.expiring"
          ? keyExpiringMail({ ...common, daysLeft: announcement.daysLeft ?? 1, expiresAt: announcement.expiresAt })
          : keyExpiredMail({ ...common, expiresAt: announcement.expiresAt }),
      );
    }
  }
}

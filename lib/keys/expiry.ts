import { addDays, addMonths, addYears } from "date-fns";

export const EXPIRY_PRESETS = ["15d", "25d", "45d", "90d", "6m", "1y", "never"] as const;
export type ExpiryPreset = (typeof EXPIRY_PRESETS)[number];

export const EXPIRING_SOON_MS = 7 * 24 * 60 * 60 * 1000;

export function expiryFromPreset(preset: ExpiryPreset, now: Date): Date | null {
  switch (preset) {
    case "15d":
      return addDays(now, 15);
    case "25d":
      return addDays(now, 25);
    case "45d":
      return addDays(now, 45);
    case "90d":
      return addDays(now, 90);
    case "6m":
      return addMonths(now, 6);
    case "1y":
      return addYears(now, 1);
    case "never":
      return null;
  }
}

/**
 * The length of a key's expiry window in ms: as first given (kept across rotations that keep
 * the date), else expiresAt − createdAt for keys from before it was stored. Null without expiry.
 */
export function expiryWindowOf(key: { createdAt: Date; expiresAt: Date | null; expiryWindowMs: bigint | null }) {
  if (!key.expiresAt) return null;
  return key.expiryWindowMs !== null ? Number(key.expiryWindowMs) : key.expiresAt.getTime() - key.createdAt.getTime();
}

export const KEY_STATUSES = ["active", "expiring_soon", "expired", "revoked", "in_grace", "rotated"] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

export interface KeyLifecycle {
  expiresAt: Date | null;
  revokedAt: Date | null;
  rotatedAt: Date | null;
}

/**
 * The status an admin sees; revocation wins over everything, then the end of a rotated key's
 * grace (it was replaced, not left to expire), then expiry.
 */
export function keyStatus(key: KeyLifecycle, now: Date): KeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return key.rotatedAt ? "rotated" : "expired";
  if (key.rotatedAt) return "in_grace";
  if (key.expiresAt && key.expiresAt.getTime() - now.getTime() <= EXPIRING_SOON_MS) return "expiring_soon";
  return "active";
}

import { z } from "zod";

/** A person's display name: on sign-up, on the account page, and enforced by better-auth's user hooks. */
export const userNameSchema = z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters");

export const updateProfileSchema = z.strictObject({ name: userNameSchema });

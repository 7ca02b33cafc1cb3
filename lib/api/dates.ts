import { z } from "zod";

/** Years PostgreSQL and JavaScript both hold (PostgreSQL has no year 0; Date stops at 275760). */
const FIRST_YEAR = 1;
const LAST_YEAR = 9999;

/** An ISO 8601 date-time whose year lies in 1..9999. */
export function isStorableDateTime(value: string): boolean {
  if (!z.iso.datetime({ offset: true }).safeParse(value).success) return false;
  const year = new Date(value).getUTCFullYear();
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** ISO 8601 date-time input, within the years the database can store. */
export const dateTimeSchema = z.iso
  .datetime({ offset: true, message: "Use an ISO 8601 date-time" })
  .refine(isStorableDateTime, `Use a date between the years ${FIRST_YEAR} and ${LAST_YEAR}`);

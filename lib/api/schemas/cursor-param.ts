import { z } from "zod";

/** A cursor parameter as the API documents it: base64url text from a previous answer. */
export const cursorParamSchema = z
  .string()
  .max(400)
  .regex(/^[A-Za-z0-9_-]*$/, "Invalid cursor: use one this API returned")
  .meta({ description: "A cursor from a previous answer (opaque)" });

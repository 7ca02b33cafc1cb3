import type { WithKeysmithOptions } from "@keysmith/sdk/next";

/** The client's address comes from x-forwarded-for here (the test sends it, as a proxy would). */
export const options: WithKeysmithOptions = { ipHeader: "x-forwarded-for" };

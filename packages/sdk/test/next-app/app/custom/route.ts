import { withKeysmith } from "@keysmith/sdk/next";
import { options } from "../options";

export const GET = withKeysmith(async (_request, { keysmith }) => Response.json({ keysmith }), {
  ...options,
  onRefuse: (refusal) => Response.json({ refused: refusal.reason }, { status: 418 }),
});

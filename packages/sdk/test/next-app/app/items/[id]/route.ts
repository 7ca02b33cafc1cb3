import { withKeysmith } from "@keysmith/sdk/next";
import { options } from "../../options";

// The route's own context (params) arrives beside the answer.
export const GET = withKeysmith<{ params: Promise<{ id: string }> }>(
  async (_request, { params, keysmith }) => Response.json({ id: (await params).id, keysmith }),
  options,
);

import { withKeysmith } from "@keysmith/sdk/next";
import { options } from "../options";

export const GET = withKeysmith(async (_request, { keysmith }) => Response.json({ keysmith }), options);

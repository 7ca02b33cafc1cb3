import { z } from "zod";
import { scopesSchema } from "./keys";
import { workspaceRefSchema } from "./workspaces";

/** `keysmith login`: the CLI's request, the browser's decision, and the CLI collecting its key. */

/** "CLI on <deviceName>" must fit a key name (at most 50 characters). */
export const MAX_DEVICE_NAME_LENGTH = 43;

export const startCliLoginSchema = z
  .strictObject({
    deviceName: z
      .string()
      .trim()
      .min(1, "Name the device")
      .max(MAX_DEVICE_NAME_LENGTH, `Use at most ${MAX_DEVICE_NAME_LENGTH} characters`)
      .regex(/^[^\p{Cc}]*$/u, "No control characters")
      .meta({ description: "Shown to the user who approves, and in the key's name: `CLI on <deviceName>`" }),
  })
  .meta({ id: "StartCliLogin", override: { examples: [{ deviceName: "ada-laptop" }] } });

export const cliLoginStartedSchema = z
  .object({
    code: z.string().meta({ description: "Short, for a person to compare or type: ABCD-EFGH" }),
    pollToken: z.string().meta({ description: "The CLI's secret for collecting the key; never shown to anyone" }),
    verificationUrl: z.string().meta({ description: "Where the user approves the request, with the code" }),
    expiresAt: z.iso.datetime(),
    interval: z.number().int().meta({ description: "Seconds to wait between polls" }),
  })
  .meta({ id: "CliLoginStarted" });
export type CliLoginStarted = z.output<typeof cliLoginStartedSchema>;

export const pollCliLoginSchema = z
  .strictObject({ pollToken: z.string().min(1).max(200) })
  .meta({ id: "PollCliLogin", override: { examples: [{ pollToken: "clp_9sKx2LmQ4vT7wZ1bN8cR5yH3" }] } });

export const cliLoginPollSchema = z
  .discriminatedUnion("status", [
    z.object({ status: z.literal("pending") }),
    z.object({ status: z.literal("denied") }),
    z.object({
      status: z.literal("approved"),
      key: z.string().meta({ description: "The new key's secret: in this answer only, and only once" }),
      keyId: z.string(),
      workspace: workspaceRefSchema,
    }),
  ])
  .meta({ id: "CliLoginPoll" });
export type CliLoginPoll = z.output<typeof cliLoginPollSchema>;

const codeSchema = z.string().min(1).max(20).meta({ description: "The request's code, as shown by the CLI" });

export const approveCliLoginSchema = z
  .strictObject({
    code: codeSchema,
    workspace: z.string().min(1).max(64).meta({ description: "The workspace's id or slug" }),
    scopes: scopesSchema.min(1, "Pick at least one scope"),
  })
  .meta({
    id: "ApproveCliLogin",
    override: { examples: [{ code: "GHHQ-CTLS", workspace: "acme", scopes: ["keys.read"] }] },
  });
export type ApproveCliLoginInput = z.input<typeof approveCliLoginSchema>;

export const denyCliLoginSchema = z
  .strictObject({ code: codeSchema })
  .meta({ id: "DenyCliLogin", override: { examples: [{ code: "GHHQ-CTLS" }] } });

export const cliLoginDecisionSchema = z
  .object({ status: z.enum(["approved", "denied"]) })
  .meta({ id: "CliLoginDecision" });

export { type CallOptions, Keysmith, type KeysmithOptions } from "./client.js";
export {
  type ClientErrorCode,
  KeysmithConfigError,
  KeysmithError,
  KeysmithNetworkError,
  KeysmithTimeoutError,
} from "./errors.js";
export { type FoundKey, findKeys, isWellFormedKey, maskKey } from "./local/key-format.js";
export type {
  LocalVerifier,
  LocalVerifierOptions,
  LocalVerifierStats,
  VerifyOptions,
} from "./local/verifier.js";
export type * from "./types.js";
export {
  type VerifyWebhookOptions,
  verifyWebhook,
  type WebhookErrorCode,
  type WebhookEvent,
  WebhookVerificationError,
} from "./webhooks.js";

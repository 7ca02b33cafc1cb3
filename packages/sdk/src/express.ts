import type { NextFunction, Request, RequestHandler, Response } from "express";
import { createGuard, type GuardOptions, keyFromHeaders, type Refusal } from "./guard.js";
import type { VerifyResult } from "./types.js";

export type { GuardOptions, Refusal } from "./guard.js";
export type { VerifyResult } from "./types.js";

declare global {
  namespace Express {
    interface Request {
      /** Keysmith's answer for the request's key, set by `keysmith()` before your handler runs. */
      keysmith?: VerifyResult;
    }
  }
}

export interface KeysmithExpressOptions extends GuardOptions<Request> {
  /** Answers a refused request yourself (send a response, or call `next`); otherwise the default answer is sent. */
  onRefuse?: (refusal: Refusal, req: Request, res: Response, next: NextFunction) => void | Promise<void>;
}

/**
 * Express middleware: a request with a usable key goes on with `req.keysmith` set to
 * Keysmith's answer; any other is refused (401, 403, 429) in Keysmith's error shape.
 * The client's address is `req.ip` (set Express's `trust proxy` behind a proxy).
 *
 * ```ts
 * app.use("/api", keysmith({ requiredScopes: ["tasks.read"] }));
 * ```
 */
export function keysmith(options: KeysmithExpressOptions = {}): RequestHandler {
  const guard = createGuard<Request>({ ...options, getIp: options.getIp ?? ((req) => req.ip) }, (req) =>
    keyFromHeaders((name) => req.get(name)),
  );
  return (req, res, next) => {
    guard(req)
      .then(async (outcome) => {
        if (outcome.ok) {
          req.keysmith = outcome.answer;
          return next();
        }
        const { refusal } = outcome;
        let passed = false;
        const pass: NextFunction = (error?: unknown) => {
          passed = true;
          next(error);
        };
        await options.onRefuse?.(refusal, req, res, pass);
        if (!passed && !res.headersSent) res.status(refusal.status).set(refusal.headers).json(refusal.body);
      })
      .catch(next);
  };
}

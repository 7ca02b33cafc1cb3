import { ApiError, toErrorResponse } from "./errors";

export const ROUTE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

type NotAllowedHandler = (req: Request) => Response;

/**
 * Handlers for the methods a route does not serve: a JSON 405 listing those it does, where
 * Next alone would answer an empty 405. A route exports them beside its own handlers.
 */
export function otherMethods<const Served extends readonly RouteMethod[]>(
  served: Served,
): Record<Exclude<RouteMethod, Served[number]>, NotAllowedHandler> {
  const allow = [...served, ...(served.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const notAllowed: NotAllowedHandler = (req) =>
    toErrorResponse(
      new ApiError("METHOD_NOT_ALLOWED", `${req.method} is not supported here: use ${allow}`, undefined, { allow }),
    );
  const handlers: Partial<Record<RouteMethod, NotAllowedHandler>> = {};
  for (const method of ROUTE_METHODS) if (!served.includes(method)) handlers[method] = notAllowed;
  return handlers as Record<Exclude<RouteMethod, Served[number]>, NotAllowedHandler>;
}

import { ApiError, toErrorResponse } from "@/lib/api/errors";

// Any /api path without a handler (/api and /api/v1 included) answers in the API's own error format.
function notFound(): Response {
  return toErrorResponse(new ApiError("NOT_FOUND", "No such API route"));
}

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };

// Any /api/v1 path without a handler answers in the API's own error format.
function notFound(): Response {
  return Response.json({ error: { code: "NOT_FOUND", message: "No such API route" } }, { status: 404 });
}

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };

/**
 * The request header through which server.ts hands the caller's address (the socket's, or
 * behind a trusted proxy the address that proxy saw) to Next's routes and to better-auth.
 * server.ts overwrites whatever a client sent under this name.
 */
export const CLIENT_IP_HEADER = "x-keysmith-client-ip";

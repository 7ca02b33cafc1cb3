import { request } from "node:http";
import { connect } from "node:net";

export interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
}

/**
 * One request exactly as given: any method (TRACE included), a path sent byte for byte
 * (already percent-encoded by the caller), any body. What browsers and fetch refuse to send
 * is what an attacker sends.
 */
export function rawRequest(
  baseURL: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    // Content-Length always: node sends a DELETE's or TRACE's body with no framing at all.
    const headers =
      options.body === undefined
        ? options.headers
        : { ...options.headers, "content-length": String(Buffer.byteLength(options.body)) };
    const req = request({ hostname, port, method, path, headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), body }),
      );
    });
    req.on("error", (error) => reject(new Error(`${method} ${path}: ${error.message}`)));
    req.end(options.body);
  });
}

/** Bytes straight onto a socket, for requests node's own client will not send; the reply as text. */
export function rawSocket(baseURL: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    let reply = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk) => (reply += chunk));
    socket.on("end", () => resolve(reply));
    socket.on("error", (error) =>
      reply ? resolve(reply) : reject(new Error(`${bytes.slice(0, 40)}: ${error.message}`)),
    );
  });
}

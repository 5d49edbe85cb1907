// Lumbung's server writes the socket's remote address into this header on every request, replacing
// anything a client sent under that name: Next.js gives server actions and route handlers no socket
// address, and keeps a client's own X-Forwarded-For. lib/auth/client-ip.ts reads it (same name there).
export const PEER_ADDRESS_HEADER = "x-lumbung-peer";

/** @param {import("node:http").IncomingMessage} req */
export function stampPeerAddress(req) {
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
}

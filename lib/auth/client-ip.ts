import { BlockList, isIP } from "node:net";

/**
 * The client's IP address, as far as this server can know it.
 *
 * Next.js gives route handlers and server actions no socket address, and its own server only fills
 * `X-Forwarded-For` from the socket when the client did not send one, so the header alone is whatever
 * the client chose. Lumbung's server (scripts/server.mjs, what `npm start` runs) therefore writes the
 * socket's remote address into `x-lumbung-peer` on every request, replacing anything a client sent
 * under that name. From there:
 *
 * - the immediate peer is that address; if it is not a trusted proxy (`TRUSTED_PROXIES`, empty by
 *   default), it is the client and `X-Forwarded-For` is ignored;
 * - if it is trusted, `X-Forwarded-For` is walked right to left, skipping trusted proxies; the first
 *   address that is not one is the client (entries left of it were written by the client and prove
 *   nothing).
 *
 * Without `x-lumbung-peer` (under `next dev`, or in tests that build headers), the rightmost
 * `X-Forwarded-For` entry stands in for the peer — Next sets it from the socket, but a client can send
 * its own, so that mode is for development only.
 */
export const PEER_ADDRESS_HEADER = "x-lumbung-peer";

type HeaderBag = { get(name: string): string | null };

/** Strips an IPv4-mapped IPv6 prefix and a zone id; null when the text is not an IP address. */
export function normaliseIp(value: string | null | undefined): string | null {
  if (!value) return null;
  let ip = value.trim();
  if (ip.startsWith("[") && ip.endsWith("]")) ip = ip.slice(1, -1);
  const zone = ip.indexOf("%");
  if (zone > 0) ip = ip.slice(0, zone);
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip)) ip = ip.slice(7);
  return isIP(ip) ? ip.toLowerCase() : null;
}

/** Parses `TRUSTED_PROXIES`: a comma-separated list of IP addresses and CIDR ranges. Throws on a bad entry. */
export function parseTrustedProxies(list: string | readonly string[]): BlockList {
  const entries = (typeof list === "string" ? list.split(",") : list).map((e) => e.trim()).filter(Boolean);
  const blocks = new BlockList();
  for (const entry of entries) {
    const [addr, bits, extra] = entry.split("/");
    const ip = normaliseIp(addr);
    if (!ip || extra !== undefined) throw new Error(`not an IP address or CIDR range: ${entry}`);
    const type = isIP(ip) === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) {
      blocks.addAddress(ip, type);
      continue;
    }
    const prefix = Number(bits);
    if (!/^\d{1,3}$/.test(bits) || prefix > (type === "ipv4" ? 32 : 128)) throw new Error(`bad prefix length: ${entry}`);
    blocks.addSubnet(ip, prefix, type);
  }
  return blocks;
}

function isTrusted(trusted: BlockList, ip: string): boolean {
  return trusted.check(ip, isIP(ip) === 4 ? "ipv4" : "ipv6");
}

export function clientIpFrom(headers: HeaderBag, trusted: BlockList): string {
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  const peerHeader = headers.get(PEER_ADDRESS_HEADER);
  const hops = peerHeader !== null ? [...chain, peerHeader] : chain;
  let nearest: string | null = null;
  for (let i = hops.length - 1; i >= 0; i--) {
    const ip = normaliseIp(hops[i]);
    // Garbage where an address should be: the hop that wrote it (a trusted proxy) is the best we know.
    if (!ip) return nearest ?? "unknown";
    if (!isTrusted(trusted, ip)) return ip;
    nearest = ip;
  }
  return nearest ?? "unknown";
}

/**
 * Whether the request came straight from a trusted proxy (the same peer clientIpFrom starts from), so
 * that its X-Forwarded-Host and X-Forwarded-Proto may be believed. False by default (no proxies).
 */
export function fromTrustedProxy(headers: HeaderBag, trusted: BlockList): boolean {
  const peerHeader = headers.get(PEER_ADDRESS_HEADER);
  const peer = peerHeader !== null ? peerHeader : (headers.get("x-forwarded-for") ?? "").split(",").map((e) => e.trim()).filter(Boolean).at(-1);
  const ip = normaliseIp(peer);
  return ip !== null && isTrusted(trusted, ip);
}

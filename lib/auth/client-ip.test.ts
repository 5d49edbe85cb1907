import { afterEach, describe, expect, it } from "vitest";
import { createServer, request, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { resetEnvForTests } from "@/lib/env";
import { clientIpFrom, fromTrustedProxy, normaliseIp, parseTrustedProxies, PEER_ADDRESS_HEADER } from "./client-ip";
import { clientIp } from "./request-context";
import { PEER_ADDRESS_HEADER as SERVER_HEADER, stampPeerAddress } from "../../scripts/peer-address.mjs";

const h = (values: Record<string, string>) => new Headers(values);
const none = parseTrustedProxies("");

describe("clientIpFrom", () => {
  it("with no trusted proxies, is the socket's peer whatever X-Forwarded-For says", () => {
    expect(clientIpFrom(h({ [PEER_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "1.2.3.4" }), none)).toBe("203.0.113.7");
    expect(clientIpFrom(h({ [PEER_ADDRESS_HEADER]: "::ffff:203.0.113.7", "x-forwarded-for": "1.2.3.4, 5.6.7.8" }), none)).toBe(
      "203.0.113.7",
    );
  });

  it("walks X-Forwarded-For right to left past trusted proxies only", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 127.0.0.1, fd00::/8");
    // client-written junk, the real client, an inner proxy; the peer is the outer proxy
    const headers = h({ [PEER_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-for": "6.6.6.6, 198.51.100.20, 10.1.2.3" });
    expect(clientIpFrom(headers, trusted)).toBe("198.51.100.20");
    expect(clientIpFrom(h({ [PEER_ADDRESS_HEADER]: "fd00::1", "x-forwarded-for": "2001:db8::5" }), trusted)).toBe("2001:db8::5");
    // The peer is not trusted: the header is the client's own word.
    expect(clientIpFrom(h({ [PEER_ADDRESS_HEADER]: "198.51.100.9", "x-forwarded-for": "10.1.2.3" }), trusted)).toBe("198.51.100.9");
    // Only trusted hops: the leftmost one.
    expect(clientIpFrom(h({ [PEER_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-for": "10.0.0.2" }), trusted)).toBe("10.0.0.2");
    // Garbage left by a client behind a trusted proxy: the proxy that forwarded it.
    expect(clientIpFrom(h({ [PEER_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-for": "not-an-ip" }), trusted)).toBe("127.0.0.1");
  });

  it("without the peer header (next dev, tests) uses the rightmost X-Forwarded-For entry", () => {
    expect(clientIpFrom(h({ "x-forwarded-for": "1.2.3.4, 198.51.100.1" }), none)).toBe("198.51.100.1");
    expect(clientIpFrom(h({}), none)).toBe("unknown");
  });

  it("parses and refuses TRUSTED_PROXIES entries", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8,::1,192.168.1.1/32")).not.toThrow();
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow();
    expect(() => parseTrustedProxies("proxy.example")).toThrow();
    expect(() => parseTrustedProxies("10.0.0.0/8/1")).toThrow();
    expect(normaliseIp("[::1]")).toBe("::1");
    expect(normaliseIp("fe80::1%eth0")).toBe("fe80::1");
  });
});

describe("TRUSTED_PROXIES in the environment", () => {
  afterEach(() => {
    delete process.env.TRUSTED_PROXIES;
    resetEnvForTests();
  });

  it("is validated and used by clientIp", async () => {
    process.env.TRUSTED_PROXIES = "127.0.0.1";
    resetEnvForTests();
    expect(clientIp(h({ [PEER_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-for": "198.51.100.3" }))).toBe("198.51.100.3");
    process.env.TRUSTED_PROXIES = "";
    resetEnvForTests();
    expect(clientIp(h({ [PEER_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-for": "198.51.100.3" }))).toBe("127.0.0.1");
    process.env.TRUSTED_PROXIES = "10.0.0.0/99";
    resetEnvForTests();
    const { env } = await import("@/lib/env");
    expect(() => env()).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("the production server's peer header", () => {
  it("has the name client-ip.ts reads", () => {
    expect(SERVER_HEADER).toBe(PEER_ADDRESS_HEADER);
  });

  it("is the socket address and replaces one a client sent", async () => {
    const server = createServer((req, res) => {
      stampPeerAddress(req);
      res.end(JSON.stringify(req.headers));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const seen = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, headers: { [PEER_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" } }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve(JSON.parse(body)));
      });
      req.on("error", reject);
      req.end();
    });
    server.close();
    expect(seen[PEER_ADDRESS_HEADER]).toBe("127.0.0.1");
    expect(clientIpFrom(new Headers(seen as Record<string, string>), none)).toBe("127.0.0.1");
  });
});

describe("fromTrustedProxy (whether X-Forwarded-Host/-Proto may be believed)", () => {
  it("is true only when the immediate peer is a configured proxy", () => {
    const trusted = parseTrustedProxies("127.0.0.1, 10.0.0.0/8");
    expect(fromTrustedProxy(h({ [PEER_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "127.0.0.1" }), trusted)).toBe(false);
    expect(fromTrustedProxy(h({ [PEER_ADDRESS_HEADER]: "::ffff:10.1.2.3" }), trusted)).toBe(true);
    expect(fromTrustedProxy(h({ [PEER_ADDRESS_HEADER]: "127.0.0.1" }), none)).toBe(false);
    expect(fromTrustedProxy(h({ [PEER_ADDRESS_HEADER]: "garbage" }), trusted)).toBe(false);
    // Without the peer header (next dev) the rightmost X-Forwarded-For entry stands in, as for clientIp.
    expect(fromTrustedProxy(h({ "x-forwarded-for": "6.6.6.6, 10.0.0.5" }), trusted)).toBe(true);
    expect(fromTrustedProxy(h({}), trusted)).toBe(false);
  });
});

import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { API_CSP, PERMISSIONS_POLICY } from "./lib/security/headers";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/security/request-guard";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Native and WASM packages stay outside the bundle and are loaded by Node at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss", "pg", "postgres", "@node-rs/argon2"],
  // KYC uploads (one file of at most 5 MB per step) travel through server actions. proxy.ts answers
  // bodies over this limit with 413 before Next.js would (with a 500).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES } },
  poweredByHeader: false,
  // Static headers of every response. Pages also get a per-request CSP (nonce) and, over HTTPS, HSTS
  // from proxy.ts (lib/security/headers.ts); responses the proxy does not see (API JSON, uploaded
  // files) get a CSP under which nothing loads or runs.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        ],
      },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    ];
  },
};

export default withNextIntl(nextConfig);

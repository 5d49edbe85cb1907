import { z } from "zod";
import path from "node:path";
import { parseTrustedProxies } from "@/lib/auth/client-ip";

/**
 * The only reader of process.env. Everything the app can be configured with is declared
 * here, validated once, and documented in the README.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(".data"),
  PORT: z.coerce.number().int().positive().default(3000),
  AUTH_SECRET: z.string().min(16).optional(),
  DEMO_MODE: z.enum(["true", "false"]).optional(),
  /** DEMO_MODE=true on PostgreSQL is refused unless this says `i-understand` (public webhook secret, time machine). */
  DEMO_MODE_ON_POSTGRES: z.enum(["i-understand"], { message: "set it to i-understand or leave it unset" }).optional(),
  JOBS: z.enum(["on", "off"]).default("on"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  PUBLIC_URL: z.string().url().optional(),
  /** Which payment gateway takes top-ups and pays out withdrawals. Only the sandbox exists so far. */
  PAYMENT_PROVIDER: z.enum(["sandbox"]).default("sandbox"),
  /** Shared secret for the gateway's webhook signatures (HMAC-SHA256). Required outside demo mode. */
  PAYMENT_WEBHOOK_SECRET: z.string().min(16).optional(),
  /**
   * Proxies whose X-Forwarded-For entries are believed: comma-separated IPs and CIDR ranges (e.g.
   * "10.0.0.0/8, 127.0.0.1"). Empty (the default): none; the client is the socket's peer.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
      }
    }),
});

/** Demo mode only: the sandbox gateway's webhook secret when PAYMENT_WEBHOOK_SECRET is not set. Public on purpose. */
export const DEMO_PAYMENT_WEBHOOK_SECRET = "lumbung-demo-sandbox-webhook-secret";

export type Env = z.infer<typeof EnvSchema> & {
  databaseKind: "pglite" | "postgres";
  demoMode: boolean;
  dataDir: string;
  publicUrl: string;
  /** PAYMENT_WEBHOOK_SECRET, or the public demo secret in demo mode; null means payments are switched off. */
  paymentWebhookSecret: string | null;
  /** TRUSTED_PROXIES as a list of entries (IPs and CIDR ranges). */
  trustedProxies: string[];
};

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${detail}`);
  }
  const e = parsed.data;
  const databaseKind = e.DATABASE_URL ? "postgres" : "pglite";
  // Demo mode (demo accounts on the sign-in page, the time machine) is on with the embedded database.
  const demoMode = e.DEMO_MODE ? e.DEMO_MODE === "true" : databaseKind === "pglite";
  // On a real database, demo mode makes the webhook secret public (anyone can mark a top-up paid) and
  // lets admins move the clock: only with an explicit acknowledgement.
  if (demoMode && databaseKind === "postgres" && e.DEMO_MODE_ON_POSTGRES !== "i-understand") {
    throw new Error(
      "Invalid environment: DEMO_MODE=true with DATABASE_URL (PostgreSQL) turns on the public demo webhook secret and the admin time machine. " +
        "Unset DEMO_MODE, or set DEMO_MODE_ON_POSTGRES=i-understand if this database is a disposable demo.",
    );
  }
  cached = {
    ...e,
    databaseKind,
    demoMode,
    paymentWebhookSecret: e.PAYMENT_WEBHOOK_SECRET ?? (demoMode ? DEMO_PAYMENT_WEBHOOK_SECRET : null),
    dataDir: path.resolve(process.cwd(), e.DATA_DIR),
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    trustedProxies: e.TRUSTED_PROXIES.split(",").map((p) => p.trim()).filter(Boolean),
  };
  return cached;
}

/**
 * The loud start-up warning for an acknowledged DEMO_MODE on PostgreSQL (null otherwise); the web
 * server and the worker print it when they start.
 */
export function demoOnPostgresWarning(e: Env = env()): string | null {
  if (!e.demoMode || e.databaseKind !== "postgres") return null;
  const bar = "!".repeat(78);
  return [
    bar,
    "!! DEMO MODE ON POSTGRESQL (DEMO_MODE_ON_POSTGRES=i-understand)",
    "!! The payment webhook secret is the public demo secret unless PAYMENT_WEBHOOK_SECRET is set:",
    "!! anyone can mark a top-up paid. Admins can move the clock with the time machine.",
    "!! Never run this against a database with real money.",
    bar,
  ].join("\n");
}

/** Tests change the environment between files; they call this to re-read it. */
export function resetEnvForTests(): void {
  cached = undefined;
}

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { demoOnPostgresWarning, env, resetEnvForTests } from "./env";

const KEYS = ["DATABASE_URL", "DEMO_MODE", "DEMO_MODE_ON_POSTGRES", "PAYMENT_WEBHOOK_SECRET"] as const;
let saved: Record<string, string | undefined> = {};

beforeEach(() => {
  saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  for (const k of KEYS) delete process.env[k];
  resetEnvForTests();
});
afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetEnvForTests();
});

const PG = "postgres://postgres@127.0.0.1:5432/lumbung";

describe("DEMO_MODE on PostgreSQL (issue 12, item 9)", () => {
  it("is refused without DEMO_MODE_ON_POSTGRES=i-understand", () => {
    process.env.DATABASE_URL = PG;
    process.env.DEMO_MODE = "true";
    expect(() => env()).toThrow(/DEMO_MODE=true with DATABASE_URL.*DEMO_MODE_ON_POSTGRES=i-understand/);
    process.env.DEMO_MODE_ON_POSTGRES = "yes";
    resetEnvForTests();
    expect(() => env()).toThrow(/DEMO_MODE_ON_POSTGRES: set it to i-understand/);
  });

  it("is allowed with the acknowledgement, with a loud warning naming the risks", () => {
    process.env.DATABASE_URL = PG;
    process.env.DEMO_MODE = "true";
    process.env.DEMO_MODE_ON_POSTGRES = "i-understand";
    const e = env();
    expect(e).toMatchObject({ demoMode: true, databaseKind: "postgres" });
    expect(e.paymentWebhookSecret).not.toBeNull();
    expect(demoOnPostgresWarning(e)).toMatch(/DEMO MODE ON POSTGRESQL[\s\S]*webhook secret[\s\S]*time machine/);
  });

  it("leaves the other combinations as they were, without a warning", () => {
    process.env.DATABASE_URL = PG;
    expect(env()).toMatchObject({ demoMode: false, paymentWebhookSecret: null });
    expect(demoOnPostgresWarning()).toBeNull();
    resetEnvForTests();
    process.env.DEMO_MODE = "false";
    expect(env().demoMode).toBe(false);
    for (const k of KEYS) delete process.env[k];
    resetEnvForTests();
    expect(env()).toMatchObject({ demoMode: true, databaseKind: "pglite" });
    expect(demoOnPostgresWarning()).toBeNull();
    resetEnvForTests();
    process.env.DEMO_MODE = "true";
    expect(env().demoMode).toBe(true);
  });
});

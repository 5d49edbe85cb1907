import { describe, expect, it, beforeEach } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { events, users } from "@/db/schema";
import { setNow } from "@/lib/clock";
import { anonymousCtx } from "@/lib/context";
import { ValidationFailed } from "@/lib/errors";
import { authorizeSignIn } from "./credentials";
import { registerUser } from "./register";
import { InvalidCredentials, landingFor, verifyCredentials } from "./sign-in";
import { changeLocale, getMyProfile } from "./profile";
import { createTestUser, TEST_PASSWORD } from "@/lib/testing/factories";
import { userCtx } from "@/lib/context";

const lender = {
  role: "lender",
  fullName: "Dewi Anggraini",
  email: "Dewi@Example.com",
  phone: "0812-3456-7890",
  password: "sangat-rahasia-1",
  locale: "id",
};

describe("sign-up", () => {
  beforeEach(() => setNow("2026-03-01T03:00:00Z"));

  it("creates a lender, normalises email and phone, records user_signed_up with the acquisition channel", async () => {
    const ctx = anonymousCtx({ ip: "198.51.100.1", anonymousId: "anon-1" });
    const user = await registerUser({ ctx, input: { ...lender, acquisition: { source: "instagram", medium: "social", campaign: "launch" } } });
    expect(user.email).toBe("dewi@example.com");
    expect(user.phone).toBe("081234567890");
    expect(user.role).toBe("lender");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.acquisition).toEqual({ source: "instagram", medium: "social", campaign: "launch" });
    const [event] = await getDb().select().from(events).where(and(eq(events.userId, user.id), eq(events.name, "user_signed_up")));
    expect(event?.anonymousId).toBe("anon-1");
    expect(event?.properties).toMatchObject({ role: "lender", acquisitionSource: "instagram" });
    expect(event?.occurredAt.toISOString()).toBe("2026-03-01T03:00:00.000Z");
  });

  it("refuses a duplicate email (any case) with a field error and saves nothing", async () => {
    const before = await getDb().select().from(users);
    const err = await registerUser({ ctx: anonymousCtx(), input: { ...lender, email: "DEWI@example.com" } }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationFailed);
    expect(err.fields).toEqual({ email: "emailTaken" });
    expect(await getDb().select().from(users)).toHaveLength(before.length);
  });

  it("settles two simultaneous sign-ups with one email: one account, one field error", async () => {
    const input = { ...lender, email: "race@example.com" };
    const results = await Promise.allSettled([
      registerUser({ ctx: anonymousCtx(), input }),
      registerUser({ ctx: anonymousCtx(), input }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ValidationFailed);
  });

  it("requires company name and sector for borrowers, and a 10-character password", async () => {
    const err = await registerUser({
      ctx: anonymousCtx(),
      input: { ...lender, role: "borrower", email: "b@example.com", password: "short" },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationFailed);
    expect(Object.keys(err.fields)).toEqual(expect.arrayContaining(["password", "companyName", "businessSector"]));
  });

  it("cannot create an admin", async () => {
    const err = await registerUser({ ctx: anonymousCtx(), input: { ...lender, role: "admin", email: "x@example.com" } }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationFailed);
  });

  it("is refused to a signed-in user", async () => {
    const { ctx } = await createTestUser("lender");
    await expect(registerUser({ ctx, input: { ...lender, email: "y@example.com" } })).rejects.toMatchObject({ status: 403 });
  });
});

describe("sign-in", () => {
  it("accepts the right password; user_signed_in waits for the completed sign-in (authorizeSignIn)", async () => {
    const { user } = await createTestUser("borrower", { email: "Owner@Shop.test" });
    const signedIn = await verifyCredentials({
      ctx: anonymousCtx({ ip: "192.0.2.10" }),
      input: { email: "owner@shop.TEST", password: TEST_PASSWORD },
    });
    expect(signedIn.id).toBe(user.id);
    const signedInEvents = () => getDb().select().from(events).where(and(eq(events.userId, user.id), eq(events.name, "user_signed_in")));
    expect(await signedInEvents()).toHaveLength(0);
    await authorizeSignIn({ email: "owner@shop.TEST", password: TEST_PASSWORD }, new Headers({ "x-forwarded-for": "192.0.2.10" }));
    expect(await signedInEvents()).toHaveLength(1);
  });

  it("gives the same error for a wrong password and an unknown email", async () => {
    await createTestUser("lender", { email: "known@test.lumbung" });
    const wrong = await verifyCredentials({ ctx: anonymousCtx({ ip: "192.0.2.20" }), input: { email: "known@test.lumbung", password: "nope-nope-nope" } }).catch((e) => e);
    const unknown = await verifyCredentials({ ctx: anonymousCtx({ ip: "192.0.2.21" }), input: { email: "nobody@test.lumbung", password: "nope-nope-nope" } }).catch((e) => e);
    expect(wrong).toBeInstanceOf(InvalidCredentials);
    expect(unknown).toBeInstanceOf(InvalidCredentials);
    expect(wrong.message).toBe(unknown.message);
  });

  // The throttle (per IP, per account-and-IP pair, per account) is tested in ./sign-in-throttle.test.ts.

  it("lands users in their own area only", () => {
    expect(landingFor("lender", undefined)).toBe("/lender");
    expect(landingFor("lender", "/lender/portfolio")).toBe("/lender/portfolio");
    expect(landingFor("borrower", "/admin")).toBe("/borrower");
    expect(landingFor("admin", "/sign-in")).toBe("/admin");
    expect(landingFor("lender", "/\t/evil.example")).toBe("/lender");
    expect(landingFor("lender", "/lender/../admin")).toBe("/lender");
  });
});

describe("profile", () => {
  it("keeps the chosen language on the profile and records it", async () => {
    const { user, ctx } = await createTestUser("lender");
    await changeLocale({ ctx, input: { locale: "id" } });
    expect((await getMyProfile({ ctx })).locale).toBe("id");
    const rows = await getDb().select().from(events).where(and(eq(events.userId, user.id), eq(events.name, "user_locale_changed")));
    expect(rows[0]?.properties).toEqual({ locale: "id" });
  });

  it("refuses anonymous callers and bad locales", async () => {
    await expect(changeLocale({ ctx: anonymousCtx(), input: { locale: "id" } })).rejects.toMatchObject({ status: 401 });
    const { user } = await createTestUser("lender");
    await expect(changeLocale({ ctx: userCtx(user.id, "lender"), input: { locale: "fr" } })).rejects.toMatchObject({ status: 400 });
  });

  it("never returns the password hash", async () => {
    const { ctx } = await createTestUser("borrower");
    expect(await getMyProfile({ ctx })).not.toHaveProperty("passwordHash");
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { events, topUpRequests, webhookDeliveries } from "@/db/schema";
import { advanceNow, now, setNow } from "@/lib/clock";
import { anonymousCtx, systemCtx } from "@/lib/context";
import { resetEnvForTests } from "@/lib/env";
import { NotFound, ValidationFailed } from "@/lib/errors";
import { computeLedgerHealth, readUserCashBalances } from "@/lib/ledger";
import { createTestUser } from "@/lib/testing/factories";
import { testDatabaseKind } from "@/lib/testing/db";
import { PaymentsUnavailable, WebhookRejected } from "./errors";
import { sandboxProvider } from "./gateway";
import { buildSandboxPaymentWebhook, getSandboxPaymentRequest, simulateSandboxPayment } from "./sandbox-pay";
import { getTopUp, listMyTopUps, requestTopUp } from "./topups";
import { handlePaymentWebhook } from "./webhook";
import { signWebhook } from "./webhook-signature";

// Outside demo mode (the PostgreSQL run) the sandbox needs a secret; read when the test database opens.
process.env.PAYMENT_WEBHOOK_SECRET = "topups-test-secret-0123456789";

const isPostgres = testDatabaseKind() === "postgres";

beforeEach(() => setNow("2026-07-01T01:00:00Z"));

async function lenderWithTopUp(amount = 250_000) {
  const lender = await createTestUser("lender");
  const topUp = await requestTopUp({ ctx: lender.ctx, input: { method: "va", bank: "BCA", amount: String(amount) } });
  return { ...lender, topUp };
}

const available = async (userId: string) => (await readUserCashBalances(getDb(), userId)).available;
const deliveriesFor = (reference: string) =>
  getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.providerReference, reference)).orderBy(webhookDeliveries.id);
const rejected = (p: Promise<unknown>) => p.then(() => null, (e) => e);

describe("requestTopUp", () => {
  it("issues a BCA virtual account valid for 24 hours and records topup_requested", async () => {
    const { user, topUp } = await lenderWithTopUp(250_000);
    expect(topUp.vaNumber).toMatch(/^39358\d{11}$/);
    expect(topUp.qrisPayload).toBeNull();
    expect(topUp.amount).toBe(250_000n);
    expect(topUp.status).toBe("pending");
    expect(topUp.expiresAt.toISOString()).toBe("2026-07-02T01:00:00.000Z");
    const [event] = await getDb().select().from(events).where(and(eq(events.userId, user.id), eq(events.name, "topup_requested")));
    expect(event?.properties).toMatchObject({ topUpId: topUp.id, amount: "250000", method: "va", bank: "BCA" });
    expect(await available(user.id)).toBe(0n);
  });

  it("issues a QRIS payload for borrowers too", async () => {
    const { ctx } = await createTestUser("borrower");
    const topUp = await requestTopUp({ ctx, input: { method: "qris", amount: 10_000 } });
    expect(topUp.vaNumber).toBeNull();
    expect(topUp.qrisPayload).toContain("540510000");
  });

  it.each([
    ["below Rp10.000", "9999", "amountTooSmall", "at least Rp10.000"],
    ["above Rp100.000.000", "100000001", "amountTooLarge", "at most Rp100.000.000"],
    ["negative", "-50000", "amountInvalid", "digits only"],
    ["zero", 0, "amountTooSmall", "at least"],
    ["fractional", "10000.5", "amountInvalid", "whole rupiah"],
    ["fractional number", 10000.5, "amountInvalid", "whole rupiah"],
    ["huge", "99999999999999999999999", "amountInvalid", "digits only"],
    ["non-numeric", "sepuluh ribu", "amountInvalid", "digits only"],
  ])("refuses an amount %s with a clear error and creates nothing", async (_label, amount, key, message) => {
    const { user, ctx } = await createTestUser("lender");
    const err = await rejected(requestTopUp({ ctx, input: { method: "va", bank: "BNI", amount } }));
    expect(err).toBeInstanceOf(ValidationFailed);
    expect(err.status).toBe(400);
    expect(err.fields).toEqual({ amount: key });
    expect(err.message).toContain(message);
    expect(await getDb().select().from(topUpRequests).where(eq(topUpRequests.userId, user.id))).toHaveLength(0);
  });

  it("needs a bank from the list for a virtual account", async () => {
    const { ctx } = await createTestUser("lender");
    const err = await rejected(requestTopUp({ ctx, input: { method: "va", bank: "CITI", amount: 50_000 } }));
    expect(err.fields).toEqual({ bank: "bankRequired" });
  });

  it("is for lenders and borrowers only", async () => {
    const admin = await createTestUser("admin");
    await expect(requestTopUp({ ctx: admin.ctx, input: { method: "qris", amount: 50_000 } })).rejects.toMatchObject({ status: 403 });
    await expect(requestTopUp({ ctx: anonymousCtx(), input: { method: "qris", amount: 50_000 } })).rejects.toMatchObject({ status: 401 });
  });

  it("shows users only their own top-ups", async () => {
    const mine = await lenderWithTopUp();
    const other = await createTestUser("lender");
    expect((await getTopUp({ ctx: mine.ctx, input: { id: mine.topUp.id } })).id).toBe(mine.topUp.id);
    await expect(getTopUp({ ctx: other.ctx, input: { id: mine.topUp.id } })).rejects.toBeInstanceOf(NotFound);
    await expect(getTopUp({ ctx: other.ctx, input: { id: "not-a-uuid" } })).rejects.toBeInstanceOf(NotFound);
    expect((await listMyTopUps({ ctx: other.ctx })).items).toHaveLength(0);
    const list = await listMyTopUps({ ctx: mine.ctx });
    expect(list.items.map((t) => t.id)).toEqual([mine.topUp.id]);
    expect(list.total).toBe(1);
  });

  it("expires after 24 hours of the clock; the sandbox then refuses to pay it", async () => {
    const { ctx, topUp } = await lenderWithTopUp();
    advanceNow(24 * 3_600_000);
    expect((await getTopUp({ ctx, input: { id: topUp.id } })).status).toBe("expired");
    const err = await rejected(simulateSandboxPayment({ ctx: anonymousCtx(), input: { providerReference: topUp.providerReference } }));
    expect(err.code).toBe("topup_expired");
  });
});

describe("payment webhook", () => {
  it("credits the wallet once when the sandbox is paid, with topup_paid in the same transaction", async () => {
    const { user, ctx, topUp } = await lenderWithTopUp(250_000);
    const page = await getSandboxPaymentRequest({ ctx: anonymousCtx(), input: { providerReference: topUp.providerReference } });
    expect(page).toMatchObject({ amount: 250_000n, status: "pending", bank: "BCA" });
    const result = await simulateSandboxPayment({ ctx: anonymousCtx(), input: { providerReference: topUp.providerReference } });
    expect(result).toEqual({ outcome: "accepted", topUpId: topUp.id, status: 200 });
    expect(await available(user.id)).toBe(250_000n);
    const after = await getTopUp({ ctx, input: { id: topUp.id } });
    expect(after.status).toBe("paid");
    expect(after.paidAt?.toISOString()).toBe(now().toISOString());
    const paidEvents = await getDb().select().from(events).where(and(eq(events.userId, user.id), eq(events.name, "topup_paid")));
    expect(paidEvents).toHaveLength(1);
    expect((await deliveriesFor(topUp.providerReference)).map((d) => d.outcome)).toEqual(["accepted"]);
    expect(await rejected(simulateSandboxPayment({ ctx: anonymousCtx(), input: { providerReference: topUp.providerReference } }))).toMatchObject({
      code: "topup_already_paid",
    });
  });

  it("ten replays of one webhook, one after another, credit once", async () => {
    const { user, topUp } = await lenderWithTopUp(100_000);
    const webhook = await buildSandboxPaymentWebhook({ ctx: systemCtx("test"), input: { providerReference: topUp.providerReference } });
    const outcomes: string[] = [];
    for (let i = 0; i < 10; i++) outcomes.push((await handlePaymentWebhook(webhook)).outcome);
    expect(outcomes.filter((o) => o === "accepted")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(9);
    expect(await available(user.id)).toBe(100_000n);
    expect(await deliveriesFor(topUp.providerReference)).toHaveLength(10);
  });

  it("ten concurrent replays of one webhook credit once", async () => {
    const { user, topUp } = await lenderWithTopUp(300_000);
    const webhook = await buildSandboxPaymentWebhook({ ctx: systemCtx("test"), input: { providerReference: topUp.providerReference } });
    const results = await Promise.all(Array.from({ length: 10 }, () => handlePaymentWebhook(webhook)));
    expect(results.filter((r) => r.outcome === "accepted")).toHaveLength(1);
    expect(await available(user.id)).toBe(300_000n);
    expect((await computeLedgerHealth(getDb())).ok).toBe(true);
    if (isPostgres) expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(9);
  });

  it("rejects an amount that differs from the request and credits nothing", async () => {
    const { user, topUp } = await lenderWithTopUp(250_000);
    const webhook = sandboxProvider().buildWebhook({ providerReference: topUp.providerReference, amount: 2_500_000n, paidAt: now() });
    const err = await rejected(handlePaymentWebhook(webhook));
    expect(err).toBeInstanceOf(WebhookRejected);
    expect(err).toMatchObject({ status: 422, code: "webhook_amount_mismatch" });
    expect(await available(user.id)).toBe(0n);
    const [delivery] = await deliveriesFor(topUp.providerReference);
    expect(delivery).toMatchObject({ outcome: "rejected", reason: "amount_mismatch", statusCode: 422, topUpRequestId: topUp.id });
  });

  it("rejects an unknown reference", async () => {
    const webhook = sandboxProvider().buildWebhook({ providerReference: "SBX-NOSUCHTHING", amount: 50_000n, paidAt: now() });
    const err = await rejected(handlePaymentWebhook(webhook));
    expect(err).toMatchObject({ status: 404, code: "webhook_unknown_reference" });
    expect((await deliveriesFor("SBX-NOSUCHTHING"))[0]).toMatchObject({ outcome: "rejected", reason: "unknown_reference" });
  });

  it("rejects a forged signature, a stale timestamp, a missing signature and a malformed body; nothing is credited", async () => {
    const { user, topUp } = await lenderWithTopUp(75_000);
    const genuine = sandboxProvider().buildWebhook({ providerReference: topUp.providerReference, amount: 75_000n, paidAt: now() });
    const ts = Math.floor(now().getTime() / 1000);
    const forged = { rawBody: genuine.rawBody, headers: { ...genuine.headers, "x-sandbox-signature": signWebhook("attacker-secret-0123456789", ts, genuine.rawBody) } };
    const tampered = { rawBody: genuine.rawBody.replace("75000", "750000"), headers: genuine.headers };
    const stale = sandboxProvider().buildWebhook({ providerReference: topUp.providerReference, amount: 75_000n, paidAt: new Date(now().getTime() - 6 * 60_000) });
    const unsigned = { rawBody: genuine.rawBody, headers: { "content-type": "application/json" } };
    const garbageBody = "not json";
    const garbage = { rawBody: garbageBody, headers: { "x-sandbox-signature": signWebhook("topups-test-secret-0123456789", ts, garbageBody), "x-sandbox-timestamp": String(ts) } };
    for (const [webhook, status, code] of [
      [forged, 401, "webhook_invalid_signature"],
      [tampered, 401, "webhook_invalid_signature"],
      [stale, 401, "webhook_stale_timestamp"],
      [unsigned, 401, "webhook_missing_signature"],
      [garbage, 400, "webhook_malformed_body"],
    ] as const) {
      const err = await rejected(handlePaymentWebhook(webhook));
      expect(err).toBeInstanceOf(WebhookRejected);
      expect(err).toMatchObject({ status, code });
    }
    expect(await available(user.id)).toBe(0n);
    const logged = await deliveriesFor(topUp.providerReference);
    expect(logged.map((d) => [d.outcome, d.reason, d.statusCode])).toEqual([
      ["rejected", "invalid_signature", 401],
      ["rejected", "invalid_signature", 401],
      ["rejected", "stale_timestamp", 401],
      ["rejected", "missing_signature", 401],
    ]);
    // The genuine one still works afterwards.
    expect((await handlePaymentWebhook(genuine)).outcome).toBe("accepted");
    expect(await available(user.id)).toBe(75_000n);
  });

  it("rejects a payment made after the request expired", async () => {
    const { user, topUp } = await lenderWithTopUp(50_000);
    advanceNow(25 * 3_600_000);
    const late = sandboxProvider().buildWebhook({ providerReference: topUp.providerReference, amount: 50_000n, paidAt: now() });
    await expect(handlePaymentWebhook(late)).rejects.toMatchObject({ status: 409, code: "webhook_expired" });
    expect(await available(user.id)).toBe(0n);
  });

  it("refuses to run outside demo mode without a webhook secret", async () => {
    const saved = { secret: process.env.PAYMENT_WEBHOOK_SECRET, demo: process.env.DEMO_MODE };
    delete process.env.PAYMENT_WEBHOOK_SECRET;
    process.env.DEMO_MODE = "false";
    resetEnvForTests();
    try {
      const { ctx } = await createTestUser("lender");
      await expect(requestTopUp({ ctx, input: { method: "qris", amount: 50_000 } })).rejects.toBeInstanceOf(PaymentsUnavailable);
      await expect(handlePaymentWebhook({ rawBody: "{}", headers: {} })).rejects.toMatchObject({ status: 503 });
    } finally {
      process.env.PAYMENT_WEBHOOK_SECRET = saved.secret;
      if (saved.demo === undefined) delete process.env.DEMO_MODE;
      else process.env.DEMO_MODE = saved.demo;
      resetEnvForTests();
    }
  });
});

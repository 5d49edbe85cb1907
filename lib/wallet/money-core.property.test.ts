import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { ledgerTransfers } from "@/db/schema";
import { setNow } from "@/lib/clock";
import { systemCtx, type Ctx } from "@/lib/context";
import { Conflict, InsufficientFunds, NotFound } from "@/lib/errors";
import { computeLedgerHealth, readUserCashBalances, reverseTransfer } from "@/lib/ledger";
import { buildSandboxPaymentWebhook } from "@/lib/payments/sandbox-pay";
import { requestTopUp } from "@/lib/payments/topups";
import { handlePaymentWebhook } from "@/lib/payments/webhook";
import { createTestUser } from "@/lib/testing/factories";
import { updateWalletSettings } from "./settings";
import { saveBankAccount } from "./test-helpers";
import { approveWithdrawal, rejectWithdrawal, requestWithdrawal } from "./withdrawals";

process.env.PAYMENT_WEBHOOK_SECRET = "property-test-secret-0123456789";

/**
 * Random sequences of top-ups, webhook replays, withdrawals, approvals, rejections, reversals and
 * wrong-owner attempts, run against the real verbs and database. After every step each user's
 * available and reserved cash equal a simple model, and the ledger's health checks all pass.
 */
type Action =
  | { t: "topup"; who: number; amount: number }
  | { t: "replay"; pick: number }
  | { t: "withdraw"; who: number; amount: number }
  | { t: "approve"; pick: number }
  | { t: "reject"; pick: number }
  | { t: "decideAgain"; pick: number }
  | { t: "reverseTopUp"; pick: number }
  | { t: "foreignBank"; who: number };

const who = fc.nat({ max: 1 });
const pick = fc.nat({ max: 50 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant("topup" as const), who, amount: fc.integer({ min: 10_000, max: 5_000_000 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("replay" as const), pick }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant("withdraw" as const), who, amount: fc.integer({ min: 10_000, max: 4_000_000 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("approve" as const), pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("reject" as const), pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("decideAgain" as const), pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("reverseTopUp" as const), pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("foreignBank" as const), who }) },
);

type Person = { userId: string; ctx: Ctx; bankId: string; available: bigint; reserved: bigint };

async function expectDomain<E>(p: Promise<unknown>, type: new (...a: never[]) => E): Promise<void> {
  const outcome = await p.then(
    () => "resolved",
    (e) => e,
  );
  expect(outcome).toBeInstanceOf(type);
}

describe("money core invariants", () => {
  it("hold for random sequences of top-ups, replays, withdrawals, decisions and reversals", async () => {
    setNow("2026-10-01T00:00:00Z");
    const { ctx: adminCtx } = await createTestUser("admin");
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { minLength: 1, maxLength: 30 }),
        fc.constantFrom(0n, 2_500n),
        fc.constantFrom(0n, 1_000_000n),
        async (actions, fee, autoApproveBelow) => {
          await updateWalletSettings({ ctx: adminCtx, input: { withdrawalFee: fee, autoApproveBelow } });
          const people: Person[] = [];
          for (const role of ["lender", "borrower"] as const) {
            const { user, ctx } = await createTestUser(role);
            const bank = await saveBankAccount(ctx);
            people.push({ userId: user.id, ctx, bankId: bank.id, available: 0n, reserved: 0n });
          }
          const webhooks: { rawBody: string; headers: Record<string, string> }[] = [];
          const paidTopUps: { topUpId: string; person: Person; amount: bigint; reversed: boolean }[] = [];
          const pending: { id: string; person: Person; total: bigint }[] = [];
          const decided: string[] = [];

          for (const a of actions) {
            switch (a.t) {
              case "topup": {
                const p = people[a.who]!;
                const topUp = await requestTopUp({ ctx: p.ctx, input: { method: "va", bank: "BRI", amount: a.amount } });
                const webhook = await buildSandboxPaymentWebhook({ ctx: systemCtx("test"), input: { providerReference: topUp.providerReference } });
                expect((await handlePaymentWebhook(webhook)).outcome).toBe("accepted");
                webhooks.push(webhook);
                paidTopUps.push({ topUpId: topUp.id, person: p, amount: BigInt(a.amount), reversed: false });
                p.available += BigInt(a.amount);
                break;
              }
              case "replay": {
                if (webhooks.length === 0) break;
                expect((await handlePaymentWebhook(webhooks[a.pick % webhooks.length]!)).outcome).toBe("duplicate");
                break;
              }
              case "withdraw": {
                const p = people[a.who]!;
                const amount = BigInt(a.amount);
                const total = amount + fee;
                if (p.available < total) {
                  await expectDomain(requestWithdrawal({ ctx: p.ctx, input: { bankAccountId: p.bankId, amount: a.amount } }), InsufficientFunds);
                  break;
                }
                const w = await requestWithdrawal({ ctx: p.ctx, input: { bankAccountId: p.bankId, amount: a.amount } });
                p.available -= total;
                if (amount < autoApproveBelow) {
                  expect(w.status).toBe("paid");
                  decided.push(w.id);
                } else {
                  expect(w.status).toBe("requested");
                  p.reserved += total;
                  pending.push({ id: w.id, person: p, total });
                }
                break;
              }
              case "approve":
              case "reject": {
                if (pending.length === 0) break;
                const [w] = pending.splice(a.pick % pending.length, 1);
                if (a.t === "approve") {
                  await approveWithdrawal({ ctx: adminCtx, input: { withdrawalId: w!.id } });
                } else {
                  await rejectWithdrawal({ ctx: adminCtx, input: { withdrawalId: w!.id, reason: "property test" } });
                  w!.person.available += w!.total;
                }
                w!.person.reserved -= w!.total;
                decided.push(w!.id);
                break;
              }
              case "decideAgain": {
                if (decided.length === 0) break;
                const id = decided[a.pick % decided.length]!;
                await expectDomain(approveWithdrawal({ ctx: adminCtx, input: { withdrawalId: id } }), Conflict);
                await expectDomain(rejectWithdrawal({ ctx: adminCtx, input: { withdrawalId: id, reason: "again" } }), Conflict);
                break;
              }
              case "reverseTopUp": {
                if (paidTopUps.length === 0) break;
                const tp = paidTopUps[a.pick % paidTopUps.length]!;
                const [original] = await getDb()
                  .select()
                  .from(ledgerTransfers)
                  .where(and(eq(ledgerTransfers.referenceType, "topup"), eq(ledgerTransfers.referenceId, tp.topUpId), eq(ledgerTransfers.kind, "topup")));
                const reverse = getDb().transaction((tx) =>
                  reverseTransfer(tx, { transferId: original!.id, idempotencyKey: `reverse:${original!.id}:${Math.random()}`, reason: "chargeback" }),
                );
                if (tp.reversed) await expectDomain(reverse, Conflict);
                else if (tp.person.available < tp.amount) await expectDomain(reverse, InsufficientFunds);
                else {
                  await reverse;
                  tp.reversed = true;
                  tp.person.available -= tp.amount;
                }
                break;
              }
              case "foreignBank": {
                const p = people[a.who]!;
                const other = people[1 - a.who]!;
                await expectDomain(requestWithdrawal({ ctx: p.ctx, input: { bankAccountId: other.bankId, amount: 10_000 } }), NotFound);
                break;
              }
            }
            for (const p of people) {
              expect(await readUserCashBalances(getDb(), p.userId)).toEqual({ available: p.available, reserved: p.reserved });
            }
          }
          const health = await computeLedgerHealth(getDb());
          expect(health.checks.filter((c) => !c.ok)).toEqual([]);
        },
      ),
      { numRuns: 30 },
    );
    setNow(null);
  });
});

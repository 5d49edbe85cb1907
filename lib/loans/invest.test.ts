import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { loanInvestments, loans } from "@/db/schema";
import { advanceNow, setNow } from "@/lib/clock";
import { computeLedgerHealth, readUserCashBalances } from "@/lib/ledger";
import { startJobQueue } from "@/lib/jobs/boss";
import { testDatabaseKind } from "@/lib/testing/db";
import { createTestUser } from "@/lib/testing/factories";
import { invest } from "./invest";
import { key, lenders, listedLoan } from "./test-helpers";

const HOUR = 3_600_000;
const rejected = (p: Promise<unknown>) => p.then(() => null, (e) => e);
const loanRow = async (id: string) => (await getDb().select().from(loans).where(eq(loans.id, id)))[0]!;

beforeAll(async () => {
  await startJobQueue();
});
beforeEach(() => setNow("2026-03-02T03:00:00Z"));

describe("invest", () => {
  it("reserves the lender's cash, respects minimum and step, and is idempotent", async () => {
    const { loanId } = await listedLoan({ amount: 10_000_000n, tenor: 6 });
    const [l] = await lenders(1, 5_000_000n);
    expect(await rejected(invest({ ctx: l!.ctx, input: { loanId, amount: "50000", idempotencyKey: key() } }))).toMatchObject({ code: "validation_failed", fields: { amount: "amountTooSmall" } });
    expect(await rejected(invest({ ctx: l!.ctx, input: { loanId, amount: "150000", idempotencyKey: key() } }))).toMatchObject({ fields: { amount: "amountStep" } });
    const k = key();
    const first = await invest({ ctx: l!.ctx, input: { loanId, amount: "1000000", idempotencyKey: k } });
    const again = await invest({ ctx: l!.ctx, input: { loanId, amount: "1000000", idempotencyKey: k } });
    expect(again.created).toBe(false);
    expect(again.investment.id).toBe(first.investment.id);
    expect(await readUserCashBalances(getDb(), l!.user.id)).toMatchObject({ available: 4_000_000n });
    expect((await loanRow(loanId)).fundedAmount).toBe(1_000_000n);
    // More than the wallet holds: the ledger refuses and nothing is funded.
    expect(await rejected(invest({ ctx: l!.ctx, input: { loanId, amount: "4100000", idempotencyKey: key() } }))).toMatchObject({ code: "insufficient_funds" });
    expect((await loanRow(loanId)).fundedAmount).toBe(1_000_000n);
  });

  it("holds back 20 % for manual investors during the first 24 hours", async () => {
    const { loanId } = await listedLoan({ amount: 10_000_000n, tenor: 6 });
    const [auto, manual] = await lenders(2);
    await invest({ ctx: auto!.ctx, input: { loanId, amount: "8000000", idempotencyKey: key(), source: "auto" } });
    const err = await rejected(invest({ ctx: auto!.ctx, input: { loanId, amount: "100000", idempotencyKey: key(), source: "auto" } }));
    expect(err).toMatchObject({ code: "loan_oversubscribed" });
    expect(err.message).toContain("manual investors");
    await invest({ ctx: manual!.ctx, input: { loanId, amount: "1000000", idempotencyKey: key(), source: "manual" } });
    advanceNow(25 * HOUR);
    const last = await invest({ ctx: auto!.ctx, input: { loanId, amount: "1000000", idempotencyKey: key(), source: "auto" } });
    expect(last.loanFunded).toBe(true);
    expect((await loanRow(loanId)).status).toBe("funded");
  });

  it("never overfunds and names what is left", async () => {
    const { loanId } = await listedLoan({ amount: 10_000_000n, tenor: 6 });
    const [a, b] = await lenders(2);
    await invest({ ctx: a!.ctx, input: { loanId, amount: "9500000", idempotencyKey: key() } });
    const err = await rejected(invest({ ctx: b!.ctx, input: { loanId, amount: "1000000", idempotencyKey: key() } }));
    expect(err).toMatchObject({ code: "loan_oversubscribed" });
    expect(err.details).toMatchObject({ available: { type: "idr", value: "500000" } });
    await invest({ ctx: b!.ctx, input: { loanId, amount: "500000", idempotencyKey: key() } });
    expect(await rejected(invest({ ctx: b!.ctx, input: { loanId, amount: "100000", idempotencyKey: key() } }))).toMatchObject({ code: "loan_not_funding" });
  });

  it("refuses borrowers and admins", async () => {
    const { loanId, borrower, admin } = await listedLoan({ amount: 10_000_000n, tenor: 6 });
    for (const ctx of [borrower.ctx, admin.ctx]) {
      expect(await rejected(invest({ ctx, input: { loanId, amount: "100000", idempotencyKey: key() } }))).toMatchObject({ status: 403 });
    }
  });

  async function race(parallel: boolean) {
    const { loanId } = await listedLoan({ amount: 100_000_000n, tenor: 6 });
    const ls = await lenders(100, 5_000_000n);
    const attempt = (i: number) =>
      invest({ ctx: ls[i]!.ctx, input: { loanId, amount: "2000000", idempotencyKey: key() } }).then(
        () => "ok",
        (e) => e.code as string,
      );
    const results = parallel ? await Promise.all(ls.map((_, i) => attempt(i))) : await ls.reduce(async (acc, _, i) => [...(await acc), await attempt(i)], Promise.resolve([] as string[]));
    // 100 × Rp2.000.000 against Rp100.000.000: exactly 50 fit, the rest are refused by the database.
    expect(results.filter((r) => r === "ok")).toHaveLength(50);
    expect(results.filter((r) => r !== "ok").every((r) => r === "loan_oversubscribed" || r === "loan_not_funding")).toBe(true);
    const loan = await loanRow(loanId);
    expect(loan.fundedAmount).toBe(100_000_000n);
    expect(loan.status).toBe("funded");
    const invs = await getDb().select().from(loanInvestments).where(eq(loanInvestments.loanId, loanId));
    expect(invs.reduce((s, i) => s + i.amount, 0n)).toBe(100_000_000n);
    expect((await computeLedgerHealth(getDb())).ok).toBe(true);
  }

  it.runIf(testDatabaseKind() === "postgres")("100 concurrent investments against one loan never overfund it (PostgreSQL)", async () => {
    await race(true);
  });

  it("100 investments one after another fill the loan exactly (PGlite variant)", async () => {
    await race(false);
  });

  it("the lender sees nothing of a loan that does not exist", async () => {
    const { ctx } = await createTestUser("lender");
    expect(await rejected(invest({ ctx, input: { loanId: crypto.randomUUID(), amount: "100000", idempotencyKey: key() } }))).toMatchObject({ status: 404 });
  });
});

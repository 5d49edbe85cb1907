import { systemCtx } from "@/lib/context";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { autoPurchaseDecisions, autoPurchaseLenders, loanInvestments, loans } from "@/db/schema";
import { setNow } from "@/lib/clock";
import { startJobQueue } from "@/lib/jobs/boss";
import { computeLedgerHealth } from "@/lib/ledger";
import { listedLoan } from "@/lib/loans/test-helpers";
import { evaluationChunk, matchLoan } from "./match";
import { autoLender } from "./test-helpers";

beforeAll(async () => {
  await startJobQueue();
});
beforeEach(async () => {
  setNow("2026-03-02T03:00:00Z");
  await getDb().execute(sql`update auto_purchase_strategies set active = false`);
});

/** What auto-purchase decided on one loan as lender → outcome:reason:amount (its investments and its skip rows). */
async function decisionsOf(loanId: string) {
  const skips = await getDb().select().from(autoPurchaseDecisions).where(eq(autoPurchaseDecisions.loanId, loanId));
  const bought = await getDb()
    .select()
    .from(loanInvestments)
    .where(and(eq(loanInvestments.loanId, loanId), isNotNull(loanInvestments.autoStrategyId)));
  return new Map([
    ...skips.map((d): [string, string] => [d.lenderId, `skipped:${d.reason}:0`]),
    ...bought.map((i): [string, string] => [i.lenderId, `bought::${i.amount}`]),
  ]);
}

describe("matchLoan, candidates evaluated in batches", () => {
  it("allocates the same with a batch of 2 as with a batch of 1000, and stops evaluating once settled", async () => {
    const people = [];
    for (let i = 0; i < 7; i++) people.push(await autoLender({ strategy: { amountPerLoan: "3000000" } }));
    const poor = await autoLender({ cash: 50_000n, strategy: { amountPerLoan: "3000000" } });
    const all = [...people, poor];
    const dates: (Date | null)[] = [null, new Date("2026-01-05T00:00:00Z"), null, new Date("2026-01-01T00:00:00Z"), null, new Date("2026-02-01T00:00:00Z"), null, null];
    const resetQueue = async () => {
      for (const [i, l] of all.entries()) await getDb().update(autoPurchaseLenders).set({ lastAllocatedAt: dates[i]! }).where(eq(autoPurchaseLenders.lenderId, l.user.id));
    };
    // Two identical loans; a 2 M minimum makes the 8 M auto supply serve four 3 M requests at 2 M each.
    const run = async (batchSize: number) => {
      await resetQueue();
      const { loanId } = await listedLoan({ amount: 10_000_000n });
      await getDb().update(loans).set({ minInvestment: 2_000_000n }).where(eq(loans.id, loanId));
      const summary = await matchLoan({ ctx: systemCtx("test"), input: { loanId: loanId, batchSize } });
      return { summary, decisions: await decisionsOf(loanId) };
    };
    const small = await run(2);
    const large = await run(1000);
    expect(small.summary.allocated).toBe(8_000_000n);
    expect(large.summary.allocated).toBe(8_000_000n);
    const ids = all.map((l) => l.user.id);
    const bought = (m: Map<string, string>) => ids.filter((id) => m.get(id)?.startsWith("bought")).map((id) => `${id}=${m.get(id)}`);
    expect(bought(small.decisions)).toEqual(bought(large.decisions));
    expect(bought(small.decisions).map((b) => b.split("=")[1])).toEqual(Array(4).fill("bought::2000000"));
    // Bought: the four never allocated (ranked first by id among themselves), not the ones with a date.
    for (const [i, l] of all.entries()) {
      if (dates[i] !== null) expect(small.decisions.get(l.user.id) ?? "none").not.toMatch(/^bought/);
    }
    // Batch 2 stopped before the end of the queue (8 candidates) and read only the pages it evaluated;
    // batch 1000 read and evaluated everyone.
    expect(small.summary.evaluated).toBeLessThan(8);
    expect(small.summary.candidates).toBe(small.summary.evaluated);
    expect(large.summary.candidates).toBe(8);
    expect(large.summary.evaluated).toBe(8);
    // The poor lender (never allocated, so near the top) was evaluated in both and skipped for its balance.
    expect(small.decisions.get(poor.user.id)).toBe("skipped:balance:0");
    expect(large.decisions.get(poor.user.id)).toBe("skipped:balance:0");
    // No other skip rows: the rest were either allocated nothing (no row) or never evaluated (no row).
    const skipped = await getDb().select().from(autoPurchaseDecisions).where(inArray(autoPurchaseDecisions.lenderId, ids));
    expect(skipped.map((d) => d.lenderId)).toEqual([poor.user.id, poor.user.id]);
    expect((await computeLedgerHealth(getDb())).ok).toBe(true);
  });
});

describe("evaluationChunk", () => {
  const page = (amounts: bigint[]) => amounts.map((amountPerLoan) => ({ amountPerLoan }));
  it("takes the shortest head covering twice the supply, at least 32, never more than asked or than the page", () => {
    expect(evaluationChunk(page(Array(100).fill(1_000_000n)), 1_000_000n, 256)).toBe(32);
    expect(evaluationChunk(page(Array(100).fill(1_000_000n)), 40_000_000n, 256)).toBe(80);
    expect(evaluationChunk(page(Array(100).fill(1_000_000n)), 40_000_000n, 50)).toBe(50);
    expect(evaluationChunk(page(Array(10).fill(1_000_000n)), 40_000_000n, 256)).toBe(10);
    expect(evaluationChunk([], 1n, 256)).toBe(0);
  });
});

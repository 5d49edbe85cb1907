import { systemCtx } from "@/lib/context";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { rowsOf } from "@/db/rows";
import { matchLoan } from "@/lib/autopurchase/match";
import { autoLender } from "@/lib/autopurchase/test-helpers";
import { advanceNow, setNow } from "@/lib/clock";
import { isDomainError } from "@/lib/errors";
import { startJobQueue } from "@/lib/jobs/boss";
import { computeLedgerHealth } from "@/lib/ledger";
import { addToCart, checkout } from "@/lib/lending/cart";
import { invest } from "./invest";
import { lenderOutstanding } from "./internal/lender-gate";
import { key, listedLoan } from "./test-helpers";
import { testDatabaseKind } from "@/lib/testing/db";

beforeAll(async () => {
  await startJobQueue();
});

/**
 * Security item 10 of issue 12: the lender limit (10 % of declared income) under concurrency. ONE
 * lender whose limit is nearly used (Rp9.000.000 of Rp12.000.000) buys at the same moment through
 * every door — manual invests, two cart checkouts (two tabs) and the auto-purchase matcher (two
 * workers) — across six loans, Rp1.000.000 a purchase: up to 24 attempts for room for 3. Whatever
 * interleaving PostgreSQL picks, Σ outstanding must stay ≤ the limit and the ledger must be green.
 * Without a per-lender lock each purchase reads the outstanding before the others commit, and several
 * pass the check together.
 */
type Door = "manual" | "cart" | "auto";

async function race(round: number, doors: Door[]) {
  setNow(`2026-03-0${2 + round}T03:00:00Z`);
  const income = 120_000_000n;
  const limit = 12_000_000n;
  const lender = await autoLender({ cash: 1_000_000_000n, income, strategy: { amountPerLoan: "1000000" } });
  const used = await listedLoan({ amount: 20_000_000n });
  const loanIds: string[] = [];
  for (let i = 0; i < 6; i++) loanIds.push((await listedLoan({ amount: 20_000_000n })).loanId);
  // Past the holdback, so auto-purchase and manual investors compete for the whole of each loan.
  advanceNow(25 * 3_600_000);
  await invest({ ctx: lender.ctx, input: { loanId: used.loanId, amount: "9000000", idempotencyKey: key("used") } });
  for (const loanId of loanIds) await addToCart({ ctx: lender.ctx, input: { loanId, amount: "1000000" } });
  expect(await lenderOutstanding(getDb(), lender.user.id)).toBe(9_000_000n);

  const refused: Record<string, number> = {};
  const count = (code: string) => (refused[code] = (refused[code] ?? 0) + 1);
  const manual = async (loanId: string) => {
    try {
      await invest({ ctx: lender.ctx, input: { loanId, amount: "1000000", idempotencyKey: key("manual") } });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      count(e.code);
    }
  };
  const tab = async (n: number) => {
    const res = await checkout({ ctx: lender.ctx, input: { checkoutId: `limit-race-${round}-${n}-${key()}` } });
    for (const r of res.results) if (!r.ok) count(`checkout:${r.error?.code}`);
  };
  const worker = async (order: string[]) => {
    for (const id of order) await matchLoan({ ctx: systemCtx("test"), input: { loanId: id } });
  };
  await Promise.all([
    ...(doors.includes("manual") ? loanIds.flatMap((id) => [manual(id), manual(id)]) : []),
    ...(doors.includes("cart") ? [tab(1), tab(2)] : []),
    ...(doors.includes("auto") ? [worker(loanIds), worker([...loanIds].reverse())] : []),
  ]);

  const outstanding = await lenderOutstanding(getDb(), lender.user.id);
  const perSource = rowsOf<{ source: string; n: number; total: string }>(
    await getDb().execute(sql`
      select source, count(*)::int as n, sum(amount)::text as total from loan_investments
      where lender_id = ${lender.user.id} group by source order by source`),
  );
  console.log(`limit race round ${round} (${doors.join(" + ")}): outstanding Rp${outstanding} of limit Rp${limit}; by source ${JSON.stringify(perSource)}; refused ${JSON.stringify(refused)}`);
  expect(outstanding).toBeLessThanOrEqual(limit);
  // The room was there: the lender did reach the limit (the lock serialises, it does not refuse everyone).
  expect(outstanding).toBe(limit);
  const limitRefusals = (refused.lender_limit_exceeded ?? 0) + (refused["checkout:lender_limit_exceeded"] ?? 0);
  if (doors.includes("manual") || doors.includes("cart")) expect(limitRefusals).toBeGreaterThan(0);
  expect((await computeLedgerHealth(getDb())).ok).toBe(true);
}

describe("the lender limit under concurrency (issue 12, security 10)", () => {
  it.runIf(testDatabaseKind() === "postgres")(
    "manual invests, two cart checkouts and two auto-purchase workers by ONE lender never take Σ outstanding above the limit (PostgreSQL)",
    async () => {
      // All three doors at once; then without the manual invests, which usually win the first places,
      // so the checkouts (two tabs) race the matchers; then the checkouts against the manual invests.
      await race(1, ["manual", "cart", "auto"]);
      await race(2, ["cart", "auto"]);
      await race(3, ["cart", "manual"]);
    },
    240_000,
  );

  // PGlite has a single connection: transactions run one after another, never overlapping, so there is
  // no race to lose there — the test would pass without the lock and prove nothing.
  it.skipIf(testDatabaseKind() === "postgres")("skipped on PGlite: one connection never overlaps transactions, so only PostgreSQL can race", () => {});
});

import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { installments, lenderDistributions, loans } from "@/db/schema";
import { advanceNow, setNow } from "@/lib/clock";
import { systemCtx } from "@/lib/context";
import { startJobQueue } from "@/lib/jobs/boss";
import { computeLedgerHealth, totalByType } from "@/lib/ledger";
import { acceptAgreement } from "./disburse";
import { invest } from "./invest";
import { consentToRestructure, proposeRestructure } from "./restructure";
import { runServicing } from "./servicing";
import { key, lenders, listedLoan } from "./test-helpers";
import { recordRecovery, writeOffLoan } from "./write-off";

const DAY = 86_400_000;
const rejected = (p: Promise<unknown>) => p.then(() => null, (e) => e);
const loanRow = async (id: string) => (await getDb().select().from(loans).where(eq(loans.id, id)))[0]!;

beforeAll(async () => {
  await startJobQueue();
});
beforeEach(() => setNow("2026-03-02T03:00:00Z"));

async function lateLoan() {
  const listed = await listedLoan({ amount: 30_000_000n, tenor: 6 });
  const ls = await lenders(2);
  await invest({ ctx: ls[0]!.ctx, input: { loanId: listed.loanId, amount: "20000000", idempotencyKey: key() } });
  await invest({ ctx: ls[1]!.ctx, input: { loanId: listed.loanId, amount: "10000000", idempotencyKey: key() } });
  await acceptAgreement({ ctx: listed.borrower.ctx, input: { loanId: listed.loanId } });
  return { ...listed, lenders: ls };
}

async function healthy() {
  expect((await computeLedgerHealth(getDb())).ok).toBe(true);
  expect(await totalByType(getDb(), "loan_collections")).toBe(0n);
}

describe("arrears: restructure, write-off, recovery", () => {
  it("restructures a late loan once every lender has consented", async () => {
    const { loanId, admin, lenders: ls } = await lateLoan();
    advanceNow(45 * DAY);
    await runServicing({ ctx: systemCtx("test") });
    expect((await loanRow(loanId)).status).toBe("late");
    expect(await rejected(proposeRestructure({ ctx: ls[0]!.ctx, input: { loanId, newTenor: 12, newRateBps: "12", reason: "Harvest failed" } }))).toMatchObject({ status: 403 });
    const { restructureId } = await proposeRestructure({ ctx: admin.ctx, input: { loanId, newTenor: 12, newRateBps: "12", reason: "Harvest failed" } });
    expect((await consentToRestructure({ ctx: ls[0]!.ctx, input: { restructureId } })).applied).toBe(false);
    expect((await consentToRestructure({ ctx: ls[1]!.ctx, input: { restructureId } })).applied).toBe(true);
    const loan = await loanRow(loanId);
    expect(loan.scheduleVersion).toBe(2);
    expect(loan.status).toBe("active");
    const v2 = (await getDb().select().from(installments).where(eq(installments.loanId, loanId))).filter((i) => i.scheduleVersion === 2);
    expect(v2).toHaveLength(12);
    expect(v2.reduce((s, i) => s + i.principal, 0n)).toBe(30_000_000n);
    await healthy();
  });

  it("writes off a defaulted loan and shares a later recovery among the lenders to the rupiah", async () => {
    const { loanId, admin, borrower, lenders: ls } = await lateLoan();
    advanceNow(130 * DAY);
    await runServicing({ ctx: systemCtx("test") });
    expect((await loanRow(loanId)).status).toBe("default");
    expect(await rejected(writeOffLoan({ ctx: borrower.ctx, input: { loanId, reason: "Unreachable" } }))).toMatchObject({ status: 403 });
    await writeOffLoan({ ctx: admin.ctx, input: { loanId, reason: "Business closed, owner unreachable" } });
    expect((await loanRow(loanId)).status).toBe("written_off");
    expect((await runServicing({ ctx: systemCtx("test") })).loans).toBe(0);
    const outcome = await recordRecovery({ ctx: admin.ctx, input: { loanId, amount: "5000001", idempotencyKey: key() } });
    expect(outcome.repayment.amount).toBe(5_000_001n);
    const d = await getDb().select().from(lenderDistributions).where(eq(lenderDistributions.repaymentId, outcome.repayment.id));
    expect(d.reduce((s, x) => s + x.net + x.serviceFee, 0n)).toBe(5_000_001n);
    const big = d.find((x) => x.lenderId === ls[0]!.user.id)!;
    const small = d.find((x) => x.lenderId === ls[1]!.user.id)!;
    expect(big.principal + big.interest + big.lateFee - 2n * (small.principal + small.interest + small.lateFee)).toBeLessThanOrEqual(3n);
    expect((await loanRow(loanId)).recovered).toBe(5_000_001n);
    expect(await rejected(recordRecovery({ ctx: borrower.ctx, input: { loanId, amount: "1", idempotencyKey: key() } }))).toMatchObject({ status: 403 });
    await healthy();
  });
});

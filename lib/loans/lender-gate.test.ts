import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { kycProfiles, kycSteps } from "@/db/schema";
import { now, setNow } from "@/lib/clock";
import { startJobQueue } from "@/lib/jobs/boss";
import { recordVerifiedLenderFixture } from "@/lib/kyc/internal/verified-lender";
import { createTestUser } from "@/lib/testing/factories";
import { invest } from "./invest";
import { lenderOutstanding } from "./internal/lender-gate";
import { creditWallet, key, listedLoan } from "./test-helpers";

const rejected = (p: Promise<unknown>) => p.then(() => null, (e) => e);

beforeAll(async () => {
  await startJobQueue();
});
beforeEach(() => setNow("2026-03-02T03:00:00Z"));

async function lenderWithCash() {
  const l = await createTestUser("lender");
  await creditWallet(l.user.id, 100_000_000n);
  return l;
}

describe("who may invest", () => {
  it("refuses a lender without approved KYC, then one who has not passed the risk check", async () => {
    const { loanId } = await listedLoan({ amount: 10_000_000n, tenor: 6 });
    const l = await lenderWithCash();
    expect(await rejected(invest({ ctx: l.ctx, input: { loanId, amount: "1000000", idempotencyKey: key() } }))).toMatchObject({ status: 403, code: "kyc_required" });
    const at = now();
    const [profile] = await getDb().insert(kycProfiles).values({ userId: l.user.id, status: "approved", version: 1, createdAt: at, updatedAt: at }).returning();
    await getDb().insert(kycSteps).values({ profileId: profile!.id, userId: l.user.id, step: "occupation", data: { annualIncome: "1000000000" }, status: "approved", updatedAt: at });
    expect(await rejected(invest({ ctx: l.ctx, input: { loanId, amount: "1000000", idempotencyKey: key() } }))).toMatchObject({ status: 403, code: "risk_check_required" });
  });

  it("refuses an investment over the lender limit with the figures, counting what is already outstanding", async () => {
    const { loanId } = await listedLoan({ amount: 20_000_000n, tenor: 6 });
    const l = await lenderWithCash();
    // Rp60.000.000 declared income, non-professional: at most Rp6.000.000 outstanding.
    await recordVerifiedLenderFixture(getDb(), l.user.id, 60_000_000n);
    await invest({ ctx: l.ctx, input: { loanId, amount: "5000000", idempotencyKey: key() } });
    expect(await lenderOutstanding(getDb(), l.user.id)).toBe(5_000_000n);
    const err = await rejected(invest({ ctx: l.ctx, input: { loanId, amount: "2000000", idempotencyKey: key() } }));
    expect(err).toMatchObject({ status: 422, code: "lender_limit_exceeded" });
    expect(err.details).toMatchObject({ limit: { type: "idr", value: "6000000" }, outstanding: { type: "idr", value: "5000000" } });
    await invest({ ctx: l.ctx, input: { loanId, amount: "1000000", idempotencyKey: key() } });
    expect(await lenderOutstanding(getDb(), l.user.id)).toBe(6_000_000n);
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { setNow } from "@/lib/clock";
import { LimitExceeded } from "@/lib/errors";
import { saveKycStep } from "@/lib/kyc/save-step";
import { sampleKycSteps } from "@/lib/kyc/sample-files";
import { createTestUser } from "@/lib/testing/factories";
import type { Ctx } from "@/lib/context";
import { assertWithinLenderLimit, lenderLimit, readLenderLimitSettings } from "./internal/limits";
import { getMyLenderLimit, updateLenderLimitSettings } from "./limits";

beforeEach(() => setNow("2026-11-23T03:00:00Z"));

async function lenderWithIncome(annualIncome: string) {
  const lender = await createTestUser("lender");
  await saveKycStep({ ctx: lender.ctx, input: sampleKycSteps({ annualIncome })[4] });
  return lender;
}

const rejected = (p: Promise<unknown>) => p.then(() => null, (e) => e);

describe("lender limits", () => {
  it("a non-professional lender may have 10% of declared income outstanding", async () => {
    const { user } = await lenderWithIncome("100000000");
    expect(await lenderLimit(getDb(), user.id, 4_000_000n)).toEqual({
      income: 100_000_000n,
      professional: false,
      pct: 10,
      limit: 10_000_000n,
      outstanding: 4_000_000n,
      headroom: 6_000_000n,
    });
    await assertWithinLenderLimit(getDb(), user.id, 6_000_000n, 4_000_000n);
    const e = await rejected(assertWithinLenderLimit(getDb(), user.id, 8_000_000n, 4_000_000n));
    expect(e).toBeInstanceOf(LimitExceeded);
    expect(e).toMatchObject({
      code: "lender_limit_exceeded",
      status: 422,
      details: {
        amount: { type: "idr", value: "8000000" },
        outstanding: { type: "idr", value: "4000000" },
        after: { type: "idr", value: "12000000" },
        limit: { type: "idr", value: "10000000" },
        headroom: { type: "idr", value: "6000000" },
        pct: 10,
        income: { type: "idr", value: "100000000" },
        professional: false,
      },
    });
  });

  it("a professional lender (income above Rp500.000.000) may have 20%", async () => {
    const exactly = await lenderWithIncome("500000000");
    expect(await lenderLimit(getDb(), exactly.user.id)).toMatchObject({ professional: false, pct: 10, limit: 50_000_000n });
    const pro = await lenderWithIncome("600000000");
    expect(await lenderLimit(getDb(), pro.user.id)).toMatchObject({ professional: true, pct: 20, limit: 120_000_000n, headroom: 120_000_000n });
    const e = await rejected(assertWithinLenderLimit(getDb(), pro.user.id, 20_000_001n, 100_000_000n));
    expect(e.details).toMatchObject({ after: { type: "idr", value: "120000001" }, limit: { type: "idr", value: "120000000" }, pct: 20 });
    expect(e.message).not.toMatch(/Rp/);
  });

  it("without declared income nothing can be invested", async () => {
    const { user } = await createTestUser("lender");
    expect(await rejected(assertWithinLenderLimit(getDb(), user.id, 100_000n, 0n))).toMatchObject({ code: "lender_limit_exceeded", details: { limit: { type: "idr", value: "0" } } });
  });

  it("the threshold and percentages are settings an admin can change", async () => {
    const { user, ctx } = await lenderWithIncome("300000000");
    const { ctx: adminCtx } = await createTestUser("admin");
    await expect(updateLenderLimitSettings({ ctx, input: { professionalIncomeAbove: "1", nonProfessionalPct: 5, professionalPct: 30 } })).rejects.toMatchObject({
      status: 403,
    });
    await updateLenderLimitSettings({ ctx: adminCtx, input: { professionalIncomeAbove: "250000000", nonProfessionalPct: 5, professionalPct: 30 } });
    expect(await readLenderLimitSettings(getDb())).toEqual({ professionalIncomeAbove: 250_000_000n, nonProfessionalPct: 5, professionalPct: 30 });
    expect(await getMyLenderLimit({ ctx: ctx as Ctx })).toMatchObject({ professional: true, pct: 30, limit: 90_000_000n });
    expect(await lenderLimit(getDb(), user.id)).toMatchObject({ limit: 90_000_000n });
    await expect(getMyLenderLimit({ ctx: adminCtx })).rejects.toMatchObject({ status: 403 });
  });
});

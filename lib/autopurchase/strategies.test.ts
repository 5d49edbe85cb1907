import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { events, riskAcknowledgements } from "@/db/schema";
import { setNow } from "@/lib/clock";
import { startJobQueue } from "@/lib/jobs/boss";
import { RISK_DISCLOSURE_VERSION } from "@/lib/lending/schemas";
import { ensureLoanDefaults } from "@/lib/loans/internal/defaults";
import { lenders, listedLoan } from "@/lib/loans/test-helpers";
import { createTestUser } from "@/lib/testing/factories";
import {
  acceptPowerOfAttorney,
  archiveStrategy,
  createStrategy,
  getAutoPurchaseStatus,
  getStrategy,
  listStrategies,
  listStrategyDecisions,
  POA_VERSION,
  previewStrategy,
  reorderStrategies,
  setStrategyActive,
  updateStrategy,
} from "./index";
import { baseStrategy } from "./test-helpers";

const rejected = (p: Promise<unknown>) => p.then(() => null, (e) => e);

beforeAll(async () => {
  await startJobQueue();
  await ensureLoanDefaults(getDb());
});
beforeEach(() => setNow("2026-03-02T03:00:00Z"));

describe("strategies", () => {
  it("are created paused, edited, reordered and archived by their owner only", async () => {
    const [l] = await lenders(1);
    const a = await createStrategy({ ctx: l!.ctx, input: baseStrategy({ name: "A", minRateBps: "12.5" as never }) });
    const b = await createStrategy({ ctx: l!.ctx, input: baseStrategy({ name: "B", productCodes: ["modal-usaha"] }) });
    expect(a).toMatchObject({ active: false, priority: 1, minRateBps: 1250 });
    expect(b.priority).toBe(2);
    await updateStrategy({ ctx: l!.ctx, input: { strategyId: a.id, strategy: baseStrategy({ name: "A2", amountPerLoan: "2000000" }) } });
    await reorderStrategies({ ctx: l!.ctx, input: { orderedIds: [b.id, a.id] } });
    expect((await listStrategies({ ctx: l!.ctx })).map((s) => [s.name, s.priority])).toEqual([["B", 1], ["A2", 2]]);
    expect(await rejected(reorderStrategies({ ctx: l!.ctx, input: { orderedIds: [b.id] } }))).toMatchObject({ fields: { orderedIds: "orderStale" } });

    // Another lender sees nothing of them; a borrower may not call at all.
    const [other] = await lenders(1);
    expect(await rejected(getStrategy({ ctx: other!.ctx, input: { strategyId: a.id } }))).toMatchObject({ status: 404, code: "strategy_not_found" });
    expect(await rejected(updateStrategy({ ctx: other!.ctx, input: { strategyId: a.id, strategy: baseStrategy() } }))).toMatchObject({ status: 404 });
    expect(await rejected(archiveStrategy({ ctx: other!.ctx, input: { strategyId: a.id } }))).toMatchObject({ status: 404 });
    expect(await rejected(setStrategyActive({ ctx: other!.ctx, input: { strategyId: a.id, active: false } }))).toMatchObject({ status: 404 });
    expect(await rejected(listStrategyDecisions({ ctx: other!.ctx, input: { strategyId: a.id, outcome: "bought" } }))).toMatchObject({ status: 404 });
    expect(await rejected(listStrategyDecisions({ ctx: other!.ctx, input: { strategyId: a.id, outcome: "skipped" } }))).toMatchObject({ status: 404 });
    expect(await rejected(previewStrategy({ ctx: other!.ctx, input: { strategyId: a.id } }))).toMatchObject({ status: 404 });
    const borrower = await createTestUser("borrower");
    expect(await rejected(listStrategies({ ctx: borrower.ctx }))).toMatchObject({ status: 403 });
    expect(await rejected(createStrategy({ ctx: borrower.ctx, input: baseStrategy() }))).toMatchObject({ status: 403 });

    await archiveStrategy({ ctx: l!.ctx, input: { strategyId: a.id } });
    expect((await listStrategies({ ctx: l!.ctx })).map((s) => s.name)).toEqual(["B"]);
    expect(await rejected(getStrategy({ ctx: l!.ctx, input: { strategyId: a.id } }))).toMatchObject({ status: 404 });
  });

  it("refuses an amount per loan off the products' minimum or step, and unknown products", async () => {
    const [l] = await lenders(1);
    expect(await rejected(createStrategy({ ctx: l!.ctx, input: baseStrategy({ amountPerLoan: "150000" }) }))).toMatchObject({ fields: { amountPerLoan: "amountStep" } });
    expect(await rejected(createStrategy({ ctx: l!.ctx, input: baseStrategy({ amountPerLoan: "50000" }) }))).toMatchObject({ fields: { amountPerLoan: "amountTooSmall" } });
    expect(await rejected(createStrategy({ ctx: l!.ctx, input: baseStrategy({ productCodes: ["nope"] }) }))).toMatchObject({ fields: { productCodes: "productUnknown" } });
  });

  it("turning on needs KYC, the risk check and the current power of attorney; toggles are recorded", async () => {
    const unverified = await createTestUser("lender");
    const s0 = await createStrategy({ ctx: unverified.ctx, input: baseStrategy() });
    expect(await rejected(setStrategyActive({ ctx: unverified.ctx, input: { strategyId: s0.id, active: true } }))).toMatchObject({ code: "kyc_required" });

    const [l] = await lenders(1);
    const s = await createStrategy({ ctx: l!.ctx, input: baseStrategy() });
    expect(await rejected(setStrategyActive({ ctx: l!.ctx, input: { strategyId: s.id, active: true } }))).toMatchObject({ code: "poa_required", status: 403 });
    expect(await getAutoPurchaseStatus({ ctx: l!.ctx })).toMatchObject({ kycApproved: true, riskCheckPassed: true, poaCurrent: false, canEnable: false, anyActive: false, strategyCount: 1 });
    expect(await rejected(acceptPowerOfAttorney({ ctx: l!.ctx, input: { version: POA_VERSION + 1, accepted: true } }))).toMatchObject({ fields: { version: "poaOutdated" } });
    expect(await rejected(acceptPowerOfAttorney({ ctx: l!.ctx, input: { version: POA_VERSION, accepted: false } }))).toMatchObject({ fields: { accepted: "poaMustAccept" } });
    const poa = await acceptPowerOfAttorney({ ctx: l!.ctx, input: { version: POA_VERSION, accepted: true } });
    expect(poa.version).toBe(POA_VERSION);

    await getDb().delete(riskAcknowledgements).where(eq(riskAcknowledgements.userId, l!.user.id));
    expect(await rejected(setStrategyActive({ ctx: l!.ctx, input: { strategyId: s.id, active: true } }))).toMatchObject({ code: "risk_check_required" });
    await getDb().insert(riskAcknowledgements).values({ userId: l!.user.id, version: RISK_DISCLOSURE_VERSION, disclosureAcceptedAt: new Date(), quizPassedAt: new Date(), answers: {} });

    expect(await setStrategyActive({ ctx: l!.ctx, input: { strategyId: s.id, active: true } })).toMatchObject({ active: true });
    expect(await getAutoPurchaseStatus({ ctx: l!.ctx })).toMatchObject({ canEnable: true, anyActive: true });
    await setStrategyActive({ ctx: l!.ctx, input: { strategyId: s.id, active: false } });
    const names = (await getDb().select({ name: events.name }).from(events).where(and(eq(events.userId, l!.user.id)))).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["auto_purchase_strategy_created", "auto_purchase_poa_accepted", "auto_purchase_enabled", "auto_purchase_disabled"]));
  });

  it("previews today's listed loans with the matcher's predicate, saved or unsaved", async () => {
    const { loanId } = await listedLoan({ amount: 50_000_000n, tenor: 12 });
    const [l] = await lenders(1);
    const all = await previewStrategy({ ctx: l!.ctx, input: { strategy: baseStrategy() } });
    expect(all.loans.map((x) => x.loanId)).toContain(loanId);
    const none = await previewStrategy({ ctx: l!.ctx, input: { strategy: baseStrategy({ productCodes: ["invoice-financing"] }) } });
    expect(none.loans.map((x) => x.loanId)).not.toContain(loanId);
    const tenor = await previewStrategy({ ctx: l!.ctx, input: { strategy: baseStrategy({ minTenorMonths: 13 }) } });
    expect(tenor.loans.map((x) => x.loanId)).not.toContain(loanId);
    const rate = await previewStrategy({ ctx: l!.ctx, input: { strategy: baseStrategy({ minRateBps: "30" as never }) } });
    expect(rate.total).toBe(0);
    const saved = await createStrategy({ ctx: l!.ctx, input: baseStrategy({ productCodes: ["modal-usaha"], maxTenorMonths: 12 }) });
    expect((await previewStrategy({ ctx: l!.ctx, input: { strategyId: saved.id } })).loans.map((x) => x.loanId)).toContain(loanId);
    expect(await rejected(previewStrategy({ ctx: l!.ctx, input: { strategy: { ...baseStrategy(), name: "" } } }))).toMatchObject({ fields: { name: "required" } });
  });
});

import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { events, loanApplications, loanProducts, loans } from "@/db/schema";
import { setNow } from "@/lib/clock";
import { anonymousCtx } from "@/lib/context";
import { startJobQueue } from "@/lib/jobs/boss";
import { computeLedgerHealth } from "@/lib/ledger";
import { simulateSandboxPayment } from "@/lib/payments/sandbox-pay";
import { createTestUser } from "@/lib/testing/factories";
import { getApplicationForAdmin, getApplicationForBorrower, listReviewQueue, readApplicationDocument } from "./application-queries";
import { saveApplicationStep, uploadApplicationDocument } from "./applications";
import { acceptAgreement } from "./disburse";
import { invest } from "./invest";
import { updateLoanProduct } from "./products";
import { productFormValues } from "./schemas";
import { getLoanForBorrower, getLoanForLender } from "./loan-queries";
import { listMarketplace } from "./marketplace";
import { createRepaymentLink } from "./payment-link";
import { answerQuestion, approveApplication, askForInformation, rejectApplication } from "./review";
import { key, lenders, listedLoan, PNG_BYTES, productId, submitTestApplication } from "./test-helpers";
import { getTransparencyStats } from "./transparency";

process.env.PAYMENT_WEBHOOK_SECRET = "loans-journey-secret-0123456789";
const rejected = (p: Promise<unknown>) => p.then(() => null, (e) => e);

beforeAll(async () => {
  await startJobQueue();
});
beforeEach(() => setNow("2026-03-02T03:00:00Z"));

describe("borrower journey and review", () => {
  it("saves each step as a resumable draft and records the step", async () => {
    const { ctx, user } = await createTestUser("borrower");
    const bad = await rejected(saveApplicationStep({ ctx, input: { step: "business", data: { legalName: "CV A", nib: "12345", npwp: "x", sector: "trade", city: "Solo", yearsOperating: 2, employees: 3 } } }));
    expect(bad.fields).toMatchObject({ nib: "nibFormat", npwp: "npwpFormat" });
    const { applicationId } = await saveApplicationStep({ ctx, input: { step: "business", data: { legalName: "CV Sinar", nib: "1234567890123", npwp: "1234567890123456", sector: "services", city: "Solo", yearsOperating: 2, employees: 3 } } });
    const tooMany = await rejected(saveApplicationStep({ ctx, input: { applicationId, step: "financials", data: { monthlyRevenue: "1000", monthlyExpenses: "10", existingLoans: "0", otherPlatforms: 4 } } }));
    expect(tooMany.fields).toMatchObject({ otherPlatforms: "tooManyPlatforms" });
    await saveApplicationStep({ ctx, input: { applicationId, step: "financials", data: { monthlyRevenue: "50000000", monthlyExpenses: "30000000", existingLoans: "0", otherPlatforms: 1 } } });
    const docErr = await rejected(uploadApplicationDocument({ ctx, input: { applicationId, kind: "id", fileName: "ktp.exe", bytes: new TextEncoder().encode("MZ not a document") } }));
    expect(docErr.fields).toMatchObject({ id: "fileType" });
    const doc = await uploadApplicationDocument({ ctx, input: { applicationId, kind: "id", fileName: "ktp.png", bytes: PNG_BYTES } });
    expect(doc.mime).toBe("image/png");
    const steps = await getDb().select().from(events).where(and(eq(events.userId, user.id), eq(events.name, "loan_application_step_completed")));
    expect(steps.map((e) => (e.properties as { step: string }).step)).toEqual(["business", "financials"]);
    const view = await getApplicationForBorrower({ ctx, input: { applicationId } });
    expect(view.completedSteps).toEqual(["business", "financials"]);
    expect(view).not.toHaveProperty("scorecard");
    // Documents are the owner's and admins' only.
    const other = await createTestUser("borrower");
    expect(await rejected(readApplicationDocument({ ctx: other.ctx, input: { documentId: doc.id } }))).toMatchObject({ status: 404 });
    expect((await readApplicationDocument({ ctx, input: { documentId: doc.id } })).mime).toBe("image/png");
    expect(await rejected(getApplicationForBorrower({ ctx: other.ctx, input: { applicationId } }))).toMatchObject({ status: 404 });
  });

  it("declines below E5 and refuses an offer that breaks a cap, with the figures", async () => {
    const weak = await createTestUser("borrower");
    const declined = await submitTestApplication(weak.ctx, { revenue: 10_000_000n, expenses: 9_900_000n, otherPlatforms: 3 });
    expect(declined.status).toBe("declined");
    // Rp1.9 billion already outstanding elsewhere on Lumbung, then Rp200 million more.
    const big = await createTestUser("borrower");
    const admin = await createTestUser("admin");
    const first = await submitTestApplication(big.ctx, { amount: 1_900_000_000n, revenue: 5_000_000_000n, expenses: 1_000_000_000n });
    await approveApplication({ ctx: admin.ctx, input: { applicationId: first.applicationId } });
    const err = await rejected(submitTestApplication(big.ctx, { amount: 200_000_000n, revenue: 5_000_000_000n, expenses: 1_000_000_000n }));
    expect(err).toMatchObject({ code: "cap_exceeded", status: 422 });
    // The figures travel typed (rendered in the reader's language where shown), never as "Rp…" text.
    expect(err.details?.violations).toContainEqual(
      expect.objectContaining({ code: "outstanding_exceeded", params: { actual: { type: "idr", value: "2100000000" }, limit: { type: "idr", value: "2000000000" } } }),
    );
    expect(err.message).not.toMatch(/Rp/);
    // A product whose fee breaks the daily cost cap at its shortest tenor is refused on submit.
    await getDb().update(loanProducts).set({ platformFeeBps: 500 }).where(eq(loanProducts.id, await productId("paylater-bisnis")));
    const cheap = await createTestUser("borrower");
    const daily = await rejected(submitTestApplication(cheap.ctx, { product: "paylater-bisnis", amount: 10_000_000n, tenor: 2 }));
    expect(daily.code).toBe("cap_exceeded");
    expect(daily.message).toMatch(/daily cap in force/);
    expect(daily.details?.violations).toContainEqual(expect.objectContaining({ code: "daily_cost_exceeded", params: expect.objectContaining({ limit: { type: "ppm", value: 670 } }) }));
  });

  it("lets admins ask, the borrower answer, then reject; keeps approval inside the band", async () => {
    const borrower = await createTestUser("borrower");
    const admin = await createTestUser("admin");
    const { applicationId } = await submitTestApplication(borrower.ctx);
    expect(await rejected(approveApplication({ ctx: borrower.ctx, input: { applicationId } }))).toMatchObject({ status: 403 });
    expect(await rejected(askForInformation({ ctx: borrower.ctx, input: { applicationId, question: "Why?" } }))).toMatchObject({ status: 403 });
    const queue = await listReviewQueue({ ctx: admin.ctx, input: { productId: await productId("modal-usaha") } });
    expect(queue.items.map((i) => i.id)).toContain(applicationId);
    expect(await rejected(listReviewQueue({ ctx: borrower.ctx }))).toMatchObject({ status: 403 });
    await askForInformation({ ctx: admin.ctx, input: { applicationId, question: "Please send last month's invoices." } });
    expect((await getApplicationForBorrower({ ctx: borrower.ctx, input: { applicationId } })).questions[0]!.question).toContain("invoices");
    expect(await rejected(answerQuestion({ ctx: admin.ctx, input: { applicationId, answer: "Here" } }))).toMatchObject({ status: 403 });
    await answerQuestion({ ctx: borrower.ctx, input: { applicationId, answer: "Uploaded them, thank you." } });
    const detail = await getApplicationForAdmin({ ctx: admin.ctx, input: { applicationId } });
    expect(detail.status).toBe("in_review");
    expect(detail.scorecard).toBeTruthy();
    const band = await rejected(approveApplication({ ctx: admin.ctx, input: { applicationId, subgrade: "A1", rateBps: "25" } }));
    expect(band.fields).toMatchObject({ rateBps: "rateOutOfBand" });
    await rejectApplication({ ctx: admin.ctx, input: { applicationId, reason: "Revenue could not be verified." } });
    const [row] = await getDb().select().from(loanApplications).where(eq(loanApplications.id, applicationId));
    expect(row!.status).toBe("rejected");
  });

  it("keeps a loan's terms when its product is edited, lists it, and pays an installment through a payment link", async () => {
    const { loanId, borrower } = await listedLoan({ amount: 20_000_000n, tenor: 6 });
    await getDb().update(loanProducts).set({ platformFeeBps: 100, lateFeeDailyPpm: 100 }).where(eq(loanProducts.id, await productId("modal-usaha")));
    const [l] = await lenders(1);
    const market = await listMarketplace({ ctx: l!.ctx, input: { grades: ["A", "B", "C", "D", "E"], sort: "rate_desc" } });
    expect(market.items.map((i) => i.id)).toContain(loanId);
    expect(await rejected(listMarketplace({ ctx: borrower.ctx }))).toMatchObject({ status: 403 });
    await invest({ ctx: l!.ctx, input: { loanId, amount: "20000000", idempotencyKey: key() } });
    await acceptAgreement({ ctx: borrower.ctx, input: { loanId } });
    const [loan] = await getDb().select().from(loans).where(eq(loans.id, loanId));
    expect(loan!.platformFee).toBe(400_000n); // 2 %, not the edited 1 %
    expect(loan!.lateFeeDailyPpm).toBe(670);
    const link = await createRepaymentLink({ ctx: borrower.ctx, input: { loanId, method: "qris" } });
    expect(link.shareUrl).toContain("/sandbox/pay/");
    const view = await getLoanForBorrower({ ctx: borrower.ctx, input: { loanId } });
    expect(link.amount).toBe(view.amountDueNow);
    await simulateSandboxPayment({ ctx: anonymousCtx(), input: { providerReference: link.providerReference } });
    const after = await getLoanForBorrower({ ctx: borrower.ctx, input: { loanId } });
    expect(after.schedule[0]!.status).toBe("paid");
    expect((await getLoanForLender({ ctx: l!.ctx, input: { loanId } })).received.net).toBeGreaterThan(0n);
    const other = await createTestUser("lender");
    expect(await rejected(getLoanForLender({ ctx: other.ctx, input: { loanId } }))).toMatchObject({ status: 404 });
    const stats = await getTransparencyStats();
    expect(stats.totalDisbursed).toBeGreaterThanOrEqual(20_000_000n);
    expect(stats.tkb90Bps).toBe(10_000);
    // What each figure counts: funded borrowers / investing lenders among the registered ones, and the
    // lenders' average return with its basis (principal-weighted rate less the service fee on interest).
    expect(stats.borrowers).toBeGreaterThanOrEqual(1);
    expect(stats.registeredBorrowers).toBeGreaterThanOrEqual(stats.borrowers);
    expect(stats.registeredLenders).toBeGreaterThanOrEqual(stats.lenders);
    const disbursed = (await getDb().select().from(loans)).filter((x) => x.disbursedAt !== null);
    expect(stats.loansDisbursed).toBe(disbursed.length);
    const weighted = disbursed.reduce((sum, x) => sum + x.principal * BigInt(x.rateBps) * BigInt(10_000 - x.serviceFeeBps), 0n);
    const principal = disbursed.reduce((sum, x) => sum + x.principal, 0n);
    expect(stats.averageNetRateBps).toBe(Number(weighted / (principal * 10_000n)));
    expect(stats.firstDisbursedAt).toBeInstanceOf(Date);
    expect(stats.rateRange!.minRateBps).toBeLessThanOrEqual(stats.rateRange!.maxRateBps);
    expect((await computeLedgerHealth(getDb())).ok).toBe(true);
  });
});

describe("products", () => {
  it("lets only admins edit a product, and checks the bands", async () => {
    const admin = await createTestUser("admin");
    const lender = await createTestUser("lender");
    const id = await productId("paylater-bisnis");
    const [p] = await getDb().select().from(loanProducts).where(eq(loanProducts.id, id));
    const input = { ...productFormValues(p!), minInvestment: "100000", investmentStep: "100000", name: "Paylater Bisnis+" };
    expect(await rejected(updateLoanProduct({ ctx: lender.ctx, input }))).toMatchObject({ status: 403 });
    expect(await rejected(updateLoanProduct({ ctx: admin.ctx, input: { ...input, rateBands: { ...input.rateBands, A: { minRateBps: "13", maxRateBps: "12" } } } }))).toMatchObject({ fields: { rateBands: "rateOutOfBand" } });
    expect((await updateLoanProduct({ ctx: admin.ctx, input })).name).toBe("Paylater Bisnis+");
  });
});

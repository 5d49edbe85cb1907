import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { adminAuditLog, loanProducts, loans } from "@/db/schema";
import { setNow } from "@/lib/clock";
import { anonymousCtx, systemCtx, withTransaction, type Ctx } from "@/lib/context";
import { env, resetEnvForTests } from "@/lib/env";
import { startJobQueue } from "@/lib/jobs/boss";
import { retryFailedJob } from "@/lib/jobs/admin";
import { approveKycStep, rejectKycStep, submitKyc } from "@/lib/kyc";
import { saveKycStep } from "@/lib/kyc/save-step";
import { sampleKycSteps } from "@/lib/kyc/sample-files";
import { acceptAgreement, disburseLoan } from "@/lib/loans/disburse";
import { closeFundingWindow } from "@/lib/loans/funding-window";
import { invest } from "@/lib/loans/invest";
import { updateLoanProduct } from "@/lib/loans/products";
import { productFormValues } from "@/lib/loans/schemas";
import { proposeRestructure } from "@/lib/loans/restructure";
import { approveApplication, askForInformation, rejectApplication } from "@/lib/loans/review";
import { key, lenders, listedLoan, productId, submitTestApplication } from "@/lib/loans/test-helpers";
import { recordRecovery, writeOffLoan } from "@/lib/loans/write-off";
import { advanceGoldWithdrawal, cancelGoldWithdrawal, requestGoldWithdrawal, updateGoldSettings } from "@/lib/gold";
import { goldLender, trade } from "@/lib/gold/test-helpers";
import { advanceClock } from "@/lib/system/time-machine";
import { createTestUser } from "@/lib/testing/factories";
import { approveWithdrawal, rejectWithdrawal, requestWithdrawal, updateWalletSettings } from "@/lib/wallet";
import { saveBankAccount, topUpThroughSandbox } from "@/lib/wallet/test-helpers";
import { listAuditEntries, recordAdminDecision } from ".";

process.env.PAYMENT_WEBHOOK_SECRET = "audit-test-secret-0123456789";
process.env.DEMO_MODE = "true";

const rejected = (p: Promise<unknown>) => p.then(() => null, (e) => e);
const rowsFor = (subjectId: string) => getDb().select().from(adminAuditLog).where(eq(adminAuditLog.subjectId, subjectId)).orderBy(adminAuditLog.id);
const countAll = async () => (await getDb().select({ n: sql<number>`count(*)::int` }).from(adminAuditLog))[0]!.n;

/** Runs a verb and returns how many audit rows it wrote (the table only grows, so the difference). */
async function written(run: () => Promise<unknown>): Promise<number> {
  const before = await countAll();
  await run();
  return (await countAll()) - before;
}

/** Runs a verb expected to fail; returns the error and how many rows it wrote (none, if it is right). */
async function failing(run: () => Promise<unknown>): Promise<{ error: unknown; rows: number }> {
  const before = await countAll();
  const error = await rejected(run());
  return { error, rows: (await countAll()) - before };
}

let admin: Awaited<ReturnType<typeof createTestUser>>;

beforeAll(async () => {
  await startJobQueue();
  resetEnvForTests();
  admin = await createTestUser("admin");
});
beforeEach(() => setNow("2026-09-01T03:00:00Z"));

describe("the admin audit log table", () => {
  it("refuses UPDATE, DELETE and TRUNCATE in the database itself", async () => {
    await withTransaction(admin.ctx, (tx, ctx) => recordAdminDecision(tx, ctx, { action: "clock.advanced", subject: { type: "clock", id: "offset" } }));
    const [row] = await getDb().select().from(adminAuditLog).orderBy(adminAuditLog.id).limit(1);
    expect(row).toBeDefined();
    for (const statement of [
      sql`update admin_audit_log set reason = 'edited' where id = ${row!.id}`,
      sql`update admin_audit_log set admin_id = admin_id`,
      sql`delete from admin_audit_log where id = ${row!.id}`,
      sql`delete from admin_audit_log`,
      sql`truncate admin_audit_log`,
    ]) {
      const error = await rejected(getDb().execute(statement));
      expect(String((error as { cause?: unknown })?.cause ?? error)).toMatch(/append-only/);
    }
    const [still] = await getDb().select().from(adminAuditLog).where(eq(adminAuditLog.id, row!.id));
    expect(still).toEqual(row);
  });

  it("only an admin's ctx writes a row, with the request's address and typed values", async () => {
    const lender = await createTestUser("lender");
    await expect(withTransaction(lender.ctx, (tx, ctx) => recordAdminDecision(tx, ctx, { action: "clock.advanced", subject: { type: "clock", id: "x" } }))).rejects.toMatchObject({ status: 403 });
    const ctx: Ctx = { ...admin.ctx, request: { ip: "198.51.100.7", userAgent: "audit-test/1.0" } };
    await withTransaction(ctx, (tx) =>
      recordAdminDecision(tx, ctx, { action: "wallet.settings_changed", subject: { type: "settings", id: "typed-values" }, before: { fee: 1_500n, at: new Date("2026-01-02T03:04:05Z") }, after: { fee: 2_500n } }),
    );
    const [row] = await rowsFor("typed-values");
    expect(row).toMatchObject({ adminId: admin.user.id, ip: "198.51.100.7", userAgent: "audit-test/1.0", details: { before: { fee: "1500", at: "2026-01-02T03:04:05.000Z" }, after: { fee: "2500" } } });
  });

  it("lists for admins only, newest first, with filters and pages", async () => {
    const lender = await createTestUser("lender");
    expect(await rejected(listAuditEntries({ ctx: lender.ctx }))).toMatchObject({ status: 403 });
    expect(await rejected(listAuditEntries({ ctx: anonymousCtx() }))).toMatchObject({ status: 401 });
    const other = await createTestUser("admin");
    for (const [who, id] of [[admin, "f-1"], [other, "f-2"], [admin, "f-3"]] as const) {
      await withTransaction(who.ctx, (tx, ctx) => recordAdminDecision(tx, ctx, { action: "job.retried", subject: { type: "job", id }, details: { name: "test" } }));
    }
    const all = await listAuditEntries({ ctx: admin.ctx, input: { action: "job.retried" } });
    expect(all.items.map((e) => e.subjectId).slice(0, 3)).toEqual(["f-3", "f-2", "f-1"]);
    const byOther = await listAuditEntries({ ctx: admin.ctx, input: { adminId: other.user.id } });
    expect(byOther.items.map((e) => e.subjectId)).toEqual(["f-2"]);
    expect(byOther.items[0]!.admin).toEqual({ id: other.user.id, fullName: other.user.fullName, email: other.user.email });
    const bySubject = await listAuditEntries({ ctx: admin.ctx, input: { subjectType: "job", subjectId: "f-1" } });
    expect(bySubject.items).toHaveLength(1);
    const page1 = await listAuditEntries({ ctx: admin.ctx, input: { action: "job.retried", pageSize: 2 } });
    const page2 = await listAuditEntries({ ctx: admin.ctx, input: { action: "job.retried", pageSize: 2, page: 2 } });
    expect(page1.hasNext).toBe(true);
    expect(page2.items.map((e) => e.subjectId)).toEqual(["f-1"]);
    expect(page2.hasNext).toBe(false);
    // Jakarta days: 03:00 UTC on 1 September is 10:00 in Jakarta on the same day.
    expect((await listAuditEntries({ ctx: admin.ctx, input: { action: "job.retried", from: "2026-09-01", to: "2026-09-01" } })).items).toHaveLength(3);
    expect((await listAuditEntries({ ctx: admin.ctx, input: { action: "job.retried", from: "2026-09-02" } })).items).toHaveLength(0);
    expect((await listAuditEntries({ ctx: admin.ctx, input: { action: "job.retried", to: "2026-08-31" } })).items).toHaveLength(0);
    // Empty form fields are no filter; bad ones are field errors, not 500s.
    expect((await listAuditEntries({ ctx: admin.ctx, input: { action: "", adminId: "", from: "" } })).items.length).toBeGreaterThan(0);
    expect(await rejected(listAuditEntries({ ctx: admin.ctx, input: { action: "drop table", adminId: "x", from: "yesterday" } }))).toMatchObject({
      status: 400,
      fields: { action: "actionInvalid", adminId: "adminInvalid", from: "dateInvalid" },
    });
    expect(await rejected(listAuditEntries({ ctx: admin.ctx, input: { from: "2026-09-02", to: "2026-09-01" } }))).toMatchObject({ fields: { to: "dateRange" } });
  });
});

describe("every admin decision writes exactly one row in its transaction", () => {
  it("KYC steps: approve and reject write one row each; a failed decision writes none", async () => {
    const lender = await createTestUser("lender");
    for (const input of sampleKycSteps()) await saveKycStep({ ctx: lender.ctx, input });
    await submitKyc({ ctx: lender.ctx });
    expect(await written(() => approveKycStep({ ctx: admin.ctx, input: { userId: lender.user.id, step: "identity" } }))).toBe(1);
    expect(await written(() => rejectKycStep({ ctx: admin.ctx, input: { userId: lender.user.id, step: "selfie", reason: "Face not visible" } }))).toBe(1);
    const rows = await rowsFor(lender.user.id);
    expect(rows.map((r) => [r.action, r.subjectType, r.reason])).toEqual([
      ["kyc.step_approved", "user", null],
      ["kyc.step_rejected", "user", "Face not visible"],
    ]);
    expect(rows[1]!.details).toMatchObject({ step: "selfie", after: { status: "rejected" } });
    // No reason: refused before anything happens. A step of a user with nothing submitted: refused inside.
    expect((await failing(() => rejectKycStep({ ctx: admin.ctx, input: { userId: lender.user.id, step: "address" } }))).rows).toBe(0);
    const nobody = await createTestUser("lender");
    const f = await failing(() => approveKycStep({ ctx: admin.ctx, input: { userId: nobody.user.id, step: "identity" } }));
    expect(f.error).toMatchObject({ status: 404 });
    expect(f.rows).toBe(0);
    // A lender cannot decide, and writes nothing.
    expect((await failing(() => approveKycStep({ ctx: lender.ctx, input: { userId: lender.user.id, step: "address" } }))).rows).toBe(0);
  });

  it("loan applications: approve, reject and ask write one row each; deciding twice writes none", async () => {
    const borrower = await createTestUser("borrower");
    const a = await submitTestApplication(borrower.ctx);
    expect(await written(() => askForInformation({ ctx: admin.ctx, input: { applicationId: a.applicationId, question: "Which supplier is the stock from?" } }))).toBe(1);
    const asked = await rowsFor(a.applicationId);
    expect(asked[0]).toMatchObject({ action: "loan_application.info_requested", subjectType: "loan_application", reason: "Which supplier is the stock from?" });
    expect(await written(() => rejectApplication({ ctx: admin.ctx, input: { applicationId: a.applicationId, reason: "Revenue could not be verified" } }))).toBe(1);
    const twice = await failing(() => rejectApplication({ ctx: admin.ctx, input: { applicationId: a.applicationId, reason: "Again and again" } }));
    expect(twice.error).toMatchObject({ status: 409 });
    expect(twice.rows).toBe(0);

    const b = await submitTestApplication((await createTestUser("borrower")).ctx);
    // Out of the product's band: refused inside the transaction, after the lock; nothing recorded.
    expect((await failing(() => approveApplication({ ctx: admin.ctx, input: { applicationId: b.applicationId, subgrade: "A1", rateBps: "0.01" } }))).rows).toBe(0);
    let loanId = "";
    expect(await written(async () => ({ loanId } = await approveApplication({ ctx: admin.ctx, input: { applicationId: b.applicationId } })))).toBe(1);
    const [approved] = await rowsFor(b.applicationId);
    expect(approved).toMatchObject({ action: "loan_application.approved", details: { loanId, after: { status: "approved" } } });
    expect(typeof (approved!.details as { principal: unknown }).principal).toBe("string");
  });

  it("a decision rolled back with its transaction leaves no row", async () => {
    const b = await submitTestApplication((await createTestUser("borrower")).ctx);
    const before = await countAll();
    const error = await rejected(
      withTransaction(admin.ctx, async (_tx, ctx) => {
        await rejectApplication({ ctx, input: { applicationId: b.applicationId, reason: "Rolled back decision" } });
        throw new Error("something after the decision failed");
      }),
    );
    expect(String(error)).toMatch(/after the decision/);
    expect(await countAll()).toBe(before);
  });

  it("withdrawals: approve (paid out) and reject write one row each; a second decision writes none", async () => {
    const lender = await createTestUser("lender");
    await topUpThroughSandbox(lender.ctx, 10_000_000n);
    const bank = await saveBankAccount(lender.ctx);
    const w1 = await requestWithdrawal({ ctx: lender.ctx, input: { bankAccountId: bank.id, amount: "2000000" } });
    const w2 = await requestWithdrawal({ ctx: lender.ctx, input: { bankAccountId: bank.id, amount: "3000000" } });
    expect(await written(() => approveWithdrawal({ ctx: admin.ctx, input: { withdrawalId: w1.id } }))).toBe(1);
    expect(await written(() => rejectWithdrawal({ ctx: admin.ctx, input: { withdrawalId: w2.id, reason: "Account name does not match" } }))).toBe(1);
    expect((await failing(() => approveWithdrawal({ ctx: admin.ctx, input: { withdrawalId: w2.id } }))).rows).toBe(0);
    expect((await rowsFor(w1.id))[0]).toMatchObject({ action: "withdrawal.approved", details: { amount: "2000000", after: { status: "paid" } } });
    expect((await rowsFor(w2.id))[0]).toMatchObject({ action: "withdrawal.rejected", reason: "Account name does not match" });
  });

  it("settings: wallet, gold and loan products write one row each with before and after", async () => {
    expect(await written(() => updateWalletSettings({ ctx: admin.ctx, input: { withdrawalFee: "2500", autoApproveBelow: "100000" } }))).toBe(1);
    expect((await rowsFor("wallet")).at(-1)).toMatchObject({ action: "wallet.settings_changed", details: { after: { withdrawalFee: "2500" } } });
    expect(await written(() => updateGoldSettings({ ctx: admin.ctx, input: { basePerGram: "2000000", spreadBps: "4", usdIdrRate: "16000" } }))).toBe(1);
    expect((await rowsFor("gold")).at(-1)).toMatchObject({ action: "gold.settings_updated", details: { after: { spreadBps: 400 } } });
    expect((await failing(() => updateGoldSettings({ ctx: admin.ctx, input: { basePerGram: "1", spreadBps: "4", usdIdrRate: "16000" } }))).rows).toBe(0);
    const id = await productId("paylater-bisnis");
    const [p] = await getDb().select().from(loanProducts).where(eq(loanProducts.id, id));
    const input = productFormValues(p!);
    expect(await written(() => updateLoanProduct({ ctx: admin.ctx, input: { ...input, name: "Paylater Bisnis Plus" } }))).toBe(1);
    const [product] = await rowsFor(id);
    expect(product).toMatchObject({ action: "loan_product.updated", details: { after: { name: "Paylater Bisnis Plus" } } });
    expect(Object.keys((product!.details as { after: object }).after)).toEqual(["name"]);
    expect((await failing(() => updateLoanProduct({ ctx: admin.ctx, input: { ...input, productId: "00000000-0000-4000-8000-000000000000", name: "Ghost" } }))).rows).toBe(0);
  });

  it("gold withdrawals: each admin step and the admin cancel write one row; the lender's own cancel writes none", async () => {
    const { ctx } = await goldLender(20_000_000n);
    await trade(ctx, "buy", "grams", "3");
    const w = await requestGoldWithdrawal({ ctx, input: { barGrams: 1, quantity: 1, address: "Jl. Merdeka 1, Bandung 40111", idempotencyKey: key() } });
    for (const to of ["printed", "shipped", "delivered"] as const) {
      expect(await written(() => advanceGoldWithdrawal({ ctx: admin.ctx, input: { withdrawalId: w.id, to } }))).toBe(1);
    }
    expect((await failing(() => advanceGoldWithdrawal({ ctx: admin.ctx, input: { withdrawalId: w.id, to: "printed" } }))).rows).toBe(0);
    expect((await rowsFor(w.id)).map((r) => r.action)).toEqual(["gold.withdrawal_printed", "gold.withdrawal_shipped", "gold.withdrawal_delivered"]);
    const v = await requestGoldWithdrawal({ ctx, input: { barGrams: 1, quantity: 1, address: "Jl. Merdeka 1, Bandung 40111", idempotencyKey: key() } });
    expect(await written(() => cancelGoldWithdrawal({ ctx: admin.ctx, input: { withdrawalId: v.id, reason: "Address unreachable" } }))).toBe(1);
    expect((await rowsFor(v.id))[0]).toMatchObject({ action: "gold.withdrawal_cancelled", reason: "Address unreachable" });
    const { cancelMyGoldWithdrawal } = await import("@/lib/gold");
    const u = await requestGoldWithdrawal({ ctx, input: { barGrams: 1, quantity: 1, address: "Jl. Merdeka 1, Bandung 40111", idempotencyKey: key() } });
    expect(await written(() => cancelMyGoldWithdrawal({ ctx, input: { withdrawalId: u.id } }))).toBe(0);
  });

  it("loans in difficulty: restructure proposal, write-off and each new recovery write one row", async () => {
    const { borrower, loanId } = await listedLoan({ amount: 10_000_000n, tenor: 6 });
    const [l] = await lenders(1);
    await invest({ ctx: l!.ctx, input: { loanId, amount: "10000000", idempotencyKey: key() } });
    await acceptAgreement({ ctx: borrower.ctx, input: { loanId } });
    expect(await written(() => proposeRestructure({ ctx: admin.ctx, input: { loanId, newTenor: 9, newRateBps: "15", reason: "Harvest came late" } }))).toBe(1);
    expect((await failing(() => proposeRestructure({ ctx: admin.ctx, input: { loanId, newTenor: 9, newRateBps: "15", reason: "A second one" } }))).rows).toBe(0);
    expect((await failing(() => writeOffLoan({ ctx: admin.ctx, input: { loanId, reason: "Not in arrears yet" } }))).rows).toBe(0);
    // Arrears come from servicing over months; the state is set directly to keep this test about the log.
    await getDb().update(loans).set({ status: "default" }).where(eq(loans.id, loanId));
    expect(await written(() => writeOffLoan({ ctx: admin.ctx, input: { loanId, reason: "Borrower unreachable for 120 days" } }))).toBe(1);
    const recovery = { loanId, amount: "1000000", idempotencyKey: key("recovery") };
    expect(await written(() => recordRecovery({ ctx: admin.ctx, input: recovery }))).toBe(1);
    expect(await written(() => recordRecovery({ ctx: admin.ctx, input: recovery }))).toBe(0); // the same recovery replayed
    expect((await rowsFor(loanId)).map((r) => r.action)).toEqual(["loan.restructure_proposed", "loan.written_off", "loan.recovery_recorded"]);
    expect((await rowsFor(loanId))[2]!.details).toMatchObject({ amount: "1000000" });
  });

  it("system work run by an admin is recorded, run by a job it is not", async () => {
    const { loanId } = await listedLoan({ amount: 50_000_000n, tenor: 6 });
    const other = await listedLoan({ amount: 50_000_000n, tenor: 6 });
    const [l] = await lenders(1, 10_000_000n);
    await invest({ ctx: l!.ctx, input: { loanId, amount: "5000000", idempotencyKey: key() } });
    setNow("2026-09-20T03:00:00Z"); // past both funding deadlines
    expect(await written(() => closeFundingWindow({ ctx: systemCtx("test"), input: { loanId: other.loanId } }))).toBe(0);
    expect(await written(() => closeFundingWindow({ ctx: admin.ctx, input: { loanId } }))).toBe(1);
    expect(await written(() => closeFundingWindow({ ctx: admin.ctx, input: { loanId } }))).toBe(0); // already closed: nothing decided
    expect((await rowsFor(loanId)).map((r) => [r.action, r.adminId])).toEqual([["loan.funding_window_closed", admin.user.id]]);
    expect(await written(() => disburseLoan({ ctx: admin.ctx, input: { loanId } }))).toBe(0); // not funded: nothing happens
  });

  it("job retries and time-machine jumps write one row each", async () => {
    const boss = await startJobQueue();
    await boss.createQueue("test.audit-retry");
    const id = (await boss.send("test.audit-retry", {}, { retryLimit: 0 }))!;
    const [job] = await boss.fetch("test.audit-retry");
    await boss.fail("test.audit-retry", job!.id, { message: "boom" });
    expect(await written(() => retryFailedJob({ ctx: admin.ctx, input: { name: "test.audit-retry", id } }))).toBe(1);
    expect((await rowsFor(id))[0]).toMatchObject({ action: "job.retried", subjectType: "job", details: { name: "test.audit-retry" } });
    // Not failed any more: refused, nothing recorded.
    expect((await failing(() => retryFailedJob({ ctx: admin.ctx, input: { name: "test.audit-retry", id } }))).rows).toBe(0);

    expect(env().demoMode).toBe(true);
    setNow(null);
    expect(await written(() => advanceClock({ ctx: admin.ctx, input: { amount: 2, unit: "hours" } }))).toBe(1);
    expect((await rowsFor("offset")).at(-1)).toMatchObject({ action: "clock.advanced", details: { amount: 2, unit: "hours", after: { offsetMs: 7_200_000 } } });
    expect((await failing(() => advanceClock({ ctx: admin.ctx, input: { amount: 0, unit: "hours" } }))).rows).toBe(0);
    const { setClockOffsetMs } = await import("@/lib/clock");
    setClockOffsetMs(0);
  });
});

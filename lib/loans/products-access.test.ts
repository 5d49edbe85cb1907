import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { adminAuditLog } from "@/db/schema";
import { anonymousCtx } from "@/lib/context";
import { createTestUser } from "@/lib/testing/factories";
import { listLoanProducts } from "./application-queries";
import { ensureLoanDefaults } from "./internal/defaults";
import { createLoanProduct } from "./products";

const rejected = (p: Promise<unknown>) => p.then(() => null, (e) => e);
const band = (min: string, max: string) => ({ minRateBps: min, maxRateBps: max });
/** Rates and fees as an admin types them: % (a year for the bands, per day for the late fee). */
const newProduct = {
  code: "Modal-Kerja-Musiman",
  name: "Modal Kerja Musiman",
  tenorUnit: "months",
  method: "annuity",
  minAmount: "10000000",
  maxAmount: "200000000",
  minTenor: "3",
  maxTenor: "9",
  platformFeeBps: "1.5",
  lateFeeDailyPpm: "0.05",
  serviceFeeBps: "1",
  minInvestment: "100000",
  investmentStep: "100000",
  fundingWindowDays: "14",
  holdbackBps: "20",
  rateBands: { A: band("11", "13"), B: band("13", "15"), C: band("15", "17"), D: band("17", "19"), E: band("19", "21") },
  active: false,
};

describe("loan products list", () => {
  it("shows open products to anyone and closed ones to admins only", async () => {
    await ensureLoanDefaults(getDb());
    const borrower = await createTestUser("borrower");
    const admin = await createTestUser("admin");
    expect((await listLoanProducts({ ctx: borrower.ctx })).length).toBeGreaterThanOrEqual(3);
    await expect(listLoanProducts({ ctx: borrower.ctx, input: { includeInactive: true } })).rejects.toMatchObject({ status: 403 });
    expect((await listLoanProducts({ ctx: admin.ctx, input: { includeInactive: true } })).length).toBeGreaterThanOrEqual(3);
  });
});

describe("createLoanProduct", () => {
  it("lets only admins create a product, audited with its terms; a taken code or bad terms are field errors and write nothing", async () => {
    await ensureLoanDefaults(getDb());
    const admin = await createTestUser("admin");
    const borrower = await createTestUser("borrower");
    expect(await rejected(createLoanProduct({ ctx: borrower.ctx, input: newProduct }))).toMatchObject({ status: 403 });
    expect(await rejected(createLoanProduct({ ctx: anonymousCtx(), input: newProduct }))).toMatchObject({ status: 401 });

    const product = await createLoanProduct({ ctx: admin.ctx, input: newProduct });
    expect(product).toMatchObject({ code: "modal-kerja-musiman", tenorUnit: "months", method: "annuity", maxAmount: 200_000_000n, active: false });
    const audit = await getDb().select().from(adminAuditLog).where(eq(adminAuditLog.subjectId, product.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "loan_product.created", adminId: admin.user.id, subjectType: "loan_product", details: { code: "modal-kerja-musiman", after: { name: "Modal Kerja Musiman", maxAmount: "200000000" } } });
    // Closed for applications: listed for admins only.
    expect((await listLoanProducts({ ctx: borrower.ctx })).map((p) => p.code)).not.toContain("modal-kerja-musiman");
    expect((await listLoanProducts({ ctx: admin.ctx, input: { includeInactive: true } })).map((p) => p.code)).toContain("modal-kerja-musiman");

    expect(await rejected(createLoanProduct({ ctx: admin.ctx, input: newProduct }))).toMatchObject({ status: 400, code: "product_code_taken", fields: { code: "productCodeTaken" } });
    expect(await rejected(createLoanProduct({ ctx: admin.ctx, input: { ...newProduct, code: "no spaces!" } }))).toMatchObject({ status: 400, fields: { code: "productCodeInvalid" } });
    expect(await rejected(createLoanProduct({ ctx: admin.ctx, input: { ...newProduct, code: "other-code", maxAmount: "1000" } }))).toMatchObject({ fields: { maxAmount: "tooSmall" } });
    expect(await rejected(createLoanProduct({ ctx: admin.ctx, input: { ...newProduct, code: "other-code", method: "balloon" } }))).toMatchObject({ fields: { method: "required" } });
    expect(await getDb().select().from(adminAuditLog).where(eq(adminAuditLog.action, "loan_product.created"))).toHaveLength(1);
  });
});

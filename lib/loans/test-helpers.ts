import { recordVerifiedLenderFixture } from "@/lib/kyc/internal/verified-lender";
import { getDb } from "@/db";
import { loanProducts } from "@/db/schema";
import { eq } from "drizzle-orm";
import type { Ctx } from "@/lib/context";
import { ensurePlatformAccount, ensureUserAccount, transfer } from "@/lib/ledger";
import { createTestUser } from "@/lib/testing/factories";
import { saveApplicationStep, submitApplication, uploadApplicationDocument } from "./applications";
import { ensureLoanDefaults } from "./internal/defaults";
import { approveApplication } from "./review";

/** Tests and seed: a tiny valid PNG (the 8-byte signature is what the type check reads). */
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
export const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n% lumbung test document\n%%EOF\n");

let keySeq = 0;
export const key = (prefix = "k") => `${prefix}-${process.pid}-${Date.now()}-${++keySeq}`;

export async function productId(code: "modal-usaha" | "invoice-financing" | "paylater-bisnis"): Promise<string> {
  await ensureLoanDefaults(getDb());
  const [p] = await getDb().select({ id: loanProducts.id }).from(loanProducts).where(eq(loanProducts.code, code));
  return p!.id;
}

/** Credits a wallet as a paid top-up would (gateway clearing → user cash). */
export async function creditWallet(userId: string, amount: bigint): Promise<void> {
  const db = getDb();
  const clearing = await ensurePlatformAccount(db, "gateway_clearing");
  const cash = await ensureUserAccount(db, userId, "user_cash");
  await transfer(db, { debit: clearing.id, credit: cash.id, amount, unit: "IDR", kind: "topup", idempotencyKey: key("credit"), reference: { type: "test", id: userId } });
}

export type ApplyOptions = {
  product?: "modal-usaha" | "invoice-financing" | "paylater-bisnis";
  amount?: bigint;
  tenor?: number;
  revenue?: bigint;
  expenses?: bigint;
  otherPlatforms?: number;
};

/** A borrower's complete, submitted application through the real verbs. */
export async function submitTestApplication(borrower: Ctx, o: ApplyOptions = {}) {
  const pid = await productId(o.product ?? "modal-usaha");
  const { applicationId } = await saveApplicationStep({
    ctx: borrower,
    input: { step: "business", data: { legalName: "CV Maju Jaya", nib: "1234567890123", npwp: "01.234.567.8-901.000", sector: "trade", city: "Bandung", yearsOperating: 5, employees: 12 } },
  });
  await saveApplicationStep({
    ctx: borrower,
    input: { applicationId, step: "financials", data: { monthlyRevenue: String(o.revenue ?? 300_000_000n), monthlyExpenses: String(o.expenses ?? 150_000_000n), existingLoans: "0", otherPlatforms: o.otherPlatforms ?? 0 } },
  });
  await saveApplicationStep({
    ctx: borrower,
    input: { applicationId, step: "loan", data: { productId: pid, amount: String(o.amount ?? 100_000_000n), tenor: o.tenor ?? 12, purpose: "Buy stock for the Lebaran season" } },
  });
  for (const kind of ["id", "bank_statement", "business_licence"] as const) {
    await uploadApplicationDocument({ ctx: borrower, input: { applicationId, kind, fileName: `${kind}.pdf`, bytes: PDF_BYTES } });
  }
  await saveApplicationStep({ ctx: borrower, input: { applicationId, step: "documents", data: {} } });
  return submitApplication({ ctx: borrower, input: { applicationId } });
}

/** A listed loan: borrower applies, admin approves. */
export async function listedLoan(o: ApplyOptions = {}) {
  const borrower = await createTestUser("borrower");
  const admin = await createTestUser("admin");
  const submitted = await submitTestApplication(borrower.ctx, o);
  if (submitted.status !== "in_review") throw new Error(`application ${submitted.status}`);
  const approved = await approveApplication({ ctx: admin.ctx, input: { applicationId: submitted.applicationId } });
  return { borrower, admin, applicationId: submitted.applicationId, loanId: approved.loanId, approved };
}

/** Lenders with cash. */
export async function lenders(n: number, cash = 1_000_000_000n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const l = await createTestUser("lender");
    await recordVerifiedLenderFixture(getDb(), l.user.id);
    await creditWallet(l.user.id, cash);
    out.push(l);
  }
  return out;
}

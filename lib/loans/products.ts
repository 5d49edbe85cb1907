import "server-only";
import { eq } from "drizzle-orm";
import { loanProducts, type LoanProduct } from "@/db/schema";
import { recordAdminDecision } from "@/lib/audit";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { isUniqueViolation, NotFound, parseInput, ValidationFailed } from "@/lib/errors";
import { CreateLoanProductInput, UpdateLoanProductInput } from "./schemas";

/**
 * Admin: edits a product. Only future approvals see the change: every loan copied its terms when it
 * was approved. Offers made with the new terms are still checked against the caps one by one.
 */
export async function updateLoanProduct({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx, "admin");
  const { productId, ...data } = parseInput(UpdateLoanProductInput, input);
  return withTransaction(ctx, async (tx) => {
    const at = now();
    const [old] = await tx.select().from(loanProducts).where(eq(loanProducts.id, productId)).for("update").limit(1);
    if (!old) throw new NotFound("The loan product");
    const [updated] = await tx.update(loanProducts).set({ ...data, updatedAt: at }).where(eq(loanProducts.id, productId)).returning();
    const row = updated!;
    // Only the fields that changed, so the log shows what the decision was.
    const same = (a: unknown, b: unknown) => JSON.stringify(a, (_k, v) => (typeof v === "bigint" ? v.toString() : v)) === JSON.stringify(b, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    const changed = (Object.keys(data) as (keyof typeof data)[]).filter((k) => !same(old[k], row[k]));
    await recordAdminDecision(tx, ctx, {
      action: "loan_product.updated",
      subject: { type: "loan_product", id: productId },
      before: Object.fromEntries(changed.map((k) => [k, old[k]])),
      after: Object.fromEntries(changed.map((k) => [k, row[k]])),
      details: { code: old.code },
    });
    return row;
  });
}

/**
 * Admin: creates a product (closed for applications unless `active`). The decision is in the audit
 * log (loan_product.created) with the terms it was created with. A code already in use is a field
 * error, not a 500.
 */
export async function createLoanProduct({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx, "admin");
  const data = parseInput(CreateLoanProductInput, input);
  return withTransaction(ctx, async (tx) => {
    const at = now();
    const [existing] = await tx.select({ id: loanProducts.id }).from(loanProducts).where(eq(loanProducts.code, data.code)).limit(1);
    if (existing) throw new ValidationFailed({ code: "productCodeTaken" }, "Another product already has this code.", "product_code_taken");
    let row: LoanProduct;
    try {
      [row] = (await tx.insert(loanProducts).values({ ...data, createdAt: at, updatedAt: at }).returning()) as [LoanProduct];
    } catch (e) {
      // A concurrent create with the same code.
      if (isUniqueViolation(e, "loan_products_code_unique")) throw new ValidationFailed({ code: "productCodeTaken" }, "Another product already has this code.", "product_code_taken");
      throw e;
    }
    const { id: _id, createdAt: _c, updatedAt: _u, ...terms } = row;
    await recordAdminDecision(tx, ctx, { action: "loan_product.created", subject: { type: "loan_product", id: row.id }, after: terms, details: { code: row.code } });
    return row;
  });
}

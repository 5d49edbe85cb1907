import "server-only";
import { eq } from "drizzle-orm";
import { loanProducts } from "@/db/schema";
import { recordAdminDecision } from "@/lib/audit";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { NotFound, parseInput } from "@/lib/errors";
import { UpdateLoanProductInput } from "./schemas";

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

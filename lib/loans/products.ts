import "server-only";
import { eq } from "drizzle-orm";
import { auditLog, loanProducts } from "@/db/schema";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { NotFound, parseInput } from "@/lib/errors";
import { UpdateLoanProductInput } from "./schemas";

/**
 * Admin: edits a product. Only future approvals see the change: every loan copied its terms when it
 * was approved. Offers made with the new terms are still checked against the caps one by one.
 */
export async function updateLoanProduct({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requireRole(ctx, "admin");
  const { productId, ...data } = parseInput(UpdateLoanProductInput, input);
  return withTransaction(ctx, async (tx) => {
    const at = now();
    const [row] = await tx.update(loanProducts).set({ ...data, updatedAt: at }).where(eq(loanProducts.id, productId)).returning();
    if (!row) throw new NotFound("The loan product");
    await tx.insert(auditLog).values({ occurredAt: at, actorId: actor.userId, action: "loan_product.updated", target: productId, details: JSON.parse(JSON.stringify(data, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) });
    return row;
  });
}

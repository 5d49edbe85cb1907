import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { autoPurchaseStrategies } from "@/db/schema";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { ValidationFailed, parseInput } from "@/lib/errors";
import { ReorderStrategiesInput } from "./schemas";
import { ts } from "./internal/store";

/**
 * Sets the priority order of the lender's strategies: orderedIds must name each of their
 * non-archived strategies exactly once (first = priority 1). Anything else is refused whole.
 */
export async function reorderStrategies({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ orderedIds: string[] }> {
  const actor = requireRole(ctx, "lender");
  const data = parseInput(ReorderStrategiesInput, input);
  return withTransaction(ctx, async (tx) => {
    const own = await tx
      .select({ id: autoPurchaseStrategies.id })
      .from(autoPurchaseStrategies)
      .where(and(eq(autoPurchaseStrategies.lenderId, actor.userId), isNull(autoPurchaseStrategies.archivedAt)))
      .for("update");
    const ownIds = new Set(own.map((r) => r.id));
    if (new Set(data.orderedIds).size !== data.orderedIds.length || data.orderedIds.length !== ownIds.size || data.orderedIds.some((id) => !ownIds.has(id))) {
      throw new ValidationFailed({ orderedIds: "orderStale" }, "Your strategies changed meanwhile. Reload the page and order them again.");
    }
    const values = sql.join(
      data.orderedIds.map((id, i) => sql`(${id}::uuid, ${i + 1}::int)`),
      sql`, `,
    );
    await tx.execute(sql`
      update auto_purchase_strategies as s set priority = v.priority, updated_at = ${ts(now())}
      from (values ${values}) as v(id, priority)
      where s.id = v.id and s.lender_id = ${actor.userId}`);
    return { orderedIds: data.orderedIds };
  });
}

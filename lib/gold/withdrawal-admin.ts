import "server-only";
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { goldWithdrawals, users, type GoldWithdrawal } from "@/db/schema";
import { recordAdminDecision } from "@/lib/audit";
import { now } from "@/lib/clock";
import { dbOf, requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { Conflict, NotFound, parseInput } from "@/lib/errors";
import { ensurePlatformAccount, ensureUserAccount, transferMany, type TransferInput } from "@/lib/ledger";
import { notify } from "@/lib/notifications";
import { AdvanceGoldWithdrawalInput, CancelGoldWithdrawalInput, CancelMyGoldWithdrawalInput, GoldWithdrawalQueueInput } from "./schemas";
import { withdrawalRef } from "./withdrawals";
import { gold } from "@/lib/money/params";

/**
 * Admin processing of bar requests: requested → printed → shipped → delivered, one step at a time,
 * under the request's row lock.
 *
 * Delivered: the bars have left the platform's vault, so the user's reserved grams go back to the
 * platform side and out with the bars: XAU user_gold_reserved → gold_inventory. gold_inventory is the
 * platform's position against users (it is debited when users buy, credited when they sell), so its
 * balance is always −(grams users still hold, available or reserved); a delivery shrinks that
 * obligation just as a sale does.
 *
 * Cancelled (only before shipping; the lender may cancel their own while still "requested"): the grams come back (user_gold_reserved → user_gold) and so does
 * the fee (gold_withdrawal_fee_revenue → user_cash): the user did nothing wrong and nothing was sent.
 */
const NEXT: Record<string, GoldWithdrawal["status"] | undefined> = { requested: "printed", printed: "shipped", shipped: "delivered" };

async function lockWithdrawal(tx: Parameters<Parameters<typeof withTransaction>[1]>[0], id: string): Promise<GoldWithdrawal> {
  const [w] = await tx.select().from(goldWithdrawals).where(eq(goldWithdrawals.id, id)).for("update").limit(1);
  if (!w) throw new NotFound("The gold withdrawal");
  return w;
}

export async function listGoldWithdrawalQueue({ ctx, input }: { ctx: Ctx; input?: unknown }) {
  requireRole(ctx, "admin");
  const p = parseInput(GoldWithdrawalQueueInput, input ?? {});
  const db = dbOf(ctx);
  const [items, [total]] = await Promise.all([
    db
      .select({ withdrawal: goldWithdrawals, email: users.email, fullName: users.fullName })
      .from(goldWithdrawals)
      .innerJoin(users, eq(users.id, goldWithdrawals.userId))
      .where(eq(goldWithdrawals.status, p.status))
      .orderBy(p.status === "requested" ? goldWithdrawals.createdAt : desc(goldWithdrawals.updatedAt))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ total: count() }).from(goldWithdrawals).where(eq(goldWithdrawals.status, p.status)),
  ]);
  return { items: items.map((r) => ({ ...r.withdrawal, user: { email: r.email, fullName: r.fullName } })), total: total?.total ?? 0, page: p.page, pageSize: p.pageSize, status: p.status };
}

export async function advanceGoldWithdrawal({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<GoldWithdrawal> {
  const actor = requireRole(ctx, "admin");
  const { withdrawalId, to } = parseInput(AdvanceGoldWithdrawalInput, input);
  return withTransaction(ctx, async (tx) => {
    const w = await lockWithdrawal(tx, withdrawalId);
    if (w.status === to) return w; // a double click: already there
    if (NEXT[w.status] !== to) throw new Conflict("gold_withdrawal_status", `A ${w.status} request cannot be marked ${to}.`, { status: w.status });
    if (to === "delivered") {
      const [reserved, inventory] = await Promise.all([ensureUserAccount(tx, w.userId, "user_gold_reserved"), ensurePlatformAccount(tx, "gold_inventory")]);
      await transferMany(tx, [
        { debit: reserved.id, credit: inventory.id, amount: w.units, unit: "XAU", kind: "gold_withdrawal_delivered", idempotencyKey: `gold-withdrawal:${w.id}:delivered`, reference: withdrawalRef(w.id) },
      ]);
    }
    return finish(tx, ctx, actor.userId, w, to, null);
  });
}

export async function cancelGoldWithdrawal({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<GoldWithdrawal> {
  const actor = requireRole(ctx, "admin");
  const { withdrawalId, reason } = parseInput(CancelGoldWithdrawalInput, input);
  return withTransaction(ctx, async (tx) => {
    const w = await lockWithdrawal(tx, withdrawalId);
    if (w.status === "cancelled") return w;
    if (!(["requested", "printed"] as string[]).includes(w.status)) throw new Conflict("gold_withdrawal_status", `A ${w.status} request cannot be cancelled.`, { status: w.status });
    await releaseWithdrawal(tx, w);
    return finish(tx, ctx, actor.userId, w, "cancelled", reason);
  });
}

/**
 * The lender's own cancel, only while the request is still "requested" (nothing printed yet): the same
 * ledger path as the admin cancel (grams and fee back), with its own notification and event marker.
 * Another user's request is NotFound, not Forbidden, so ids cannot be probed.
 */
export async function cancelMyGoldWithdrawal({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<GoldWithdrawal> {
  const actor = requireRole(ctx, "lender");
  const { withdrawalId } = parseInput(CancelMyGoldWithdrawalInput, input);
  return withTransaction(ctx, async (tx) => {
    const w = await lockWithdrawal(tx, withdrawalId);
    if (w.userId !== actor.userId) throw new NotFound("The gold withdrawal");
    if (w.status === "cancelled") return w; // a double click
    if (w.status !== "requested") throw new Conflict("gold_withdrawal_status", `A ${w.status} request cannot be cancelled.`, { status: w.status });
    await releaseWithdrawal(tx, w);
    return finish(tx, ctx, actor.userId, w, "cancelled", null, "user");
  });
}

/** Cancel's ledger path: reserved grams back to available gold, the printing fee back to cash. */
async function releaseWithdrawal(tx: Parameters<Parameters<typeof withTransaction>[1]>[0], w: GoldWithdrawal) {
  const [gold, reserved, cash, feeRevenue] = await Promise.all([
    ensureUserAccount(tx, w.userId, "user_gold"),
    ensureUserAccount(tx, w.userId, "user_gold_reserved"),
    ensureUserAccount(tx, w.userId, "user_cash"),
    ensurePlatformAccount(tx, "gold_withdrawal_fee_revenue"),
  ]);
  const moves: TransferInput[] = [
    { debit: reserved.id, credit: gold.id, amount: w.units, unit: "XAU", kind: "gold_withdrawal_release", idempotencyKey: `gold-withdrawal:${w.id}:release`, reference: withdrawalRef(w.id) },
  ];
  if (w.fee > 0n) {
    moves.push({ debit: feeRevenue.id, credit: cash.id, amount: w.fee, unit: "IDR", kind: "gold_withdrawal_fee_refund", idempotencyKey: `gold-withdrawal:${w.id}:fee-refund`, reference: withdrawalRef(w.id) });
  }
  await transferMany(tx, moves);
}

async function finish(
  tx: Parameters<Parameters<typeof withTransaction>[1]>[0],
  ctx: Ctx,
  actorId: string,
  w: GoldWithdrawal,
  to: GoldWithdrawal["status"],
  reason: string | null,
  by: "admin" | "user" = "admin",
): Promise<GoldWithdrawal> {
  const at = now();
  const [updated] = await tx
    .update(goldWithdrawals)
    .set({ status: to, cancelReason: reason, updatedAt: at })
    .where(and(eq(goldWithdrawals.id, w.id), inArray(goldWithdrawals.status, [w.status])))
    .returning();
  // The lender's own cancel is their action, not an admin decision: the event below records it.
  if (by === "admin") {
    await recordAdminDecision(tx, ctx, {
      action: `gold.withdrawal_${to as "printed" | "shipped" | "delivered" | "cancelled"}`,
      subject: { type: "gold_withdrawal", id: w.id },
      reason,
      before: { status: w.status },
      after: { status: to },
      details: { userId: w.userId, units: w.units, fee: w.fee },
    });
  }
  await notify(tx, {
    userId: w.userId,
    kind: by === "user" ? "gold_withdrawal_cancelled_by_you" : `gold_withdrawal_${to}`,
    params: { grams: gold(w.units), quantity: w.quantity, barGrams: w.barGrams, reason: reason ?? "" },
    link: "/lender/gold",
  });
  await track(tx, {
    name: "gold_withdrawal_status_changed",
    userId: w.userId,
    properties: { withdrawalId: w.id, from: w.status, to, units: w.units, fee: w.fee, reason, by: actorId, actorRole: by },
    context: ctx.request,
  });
  return updated!;
}

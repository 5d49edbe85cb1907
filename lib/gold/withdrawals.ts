import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { goldWithdrawals, type GoldWithdrawal } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { Conflict, InsufficientFunds, parseInput } from "@/lib/errors";
import { assertKycApproved } from "@/lib/kyc";
import { ensurePlatformAccount, ensureUserAccount, transferMany } from "@/lib/ledger";
import { GOLD_BARS, GoldWithdrawalInput, type GoldBarGrams } from "./schemas";
import { readGoldSettings } from "./internal/settings";
import { withdrawalTotals } from "./rules";
import { gold as goldParam, idr } from "@/lib/money/params";

/**
 * Physical bars. A request reserves the grams at once and takes the printing fee from cash, in one
 * transaction:
 *   XAU user_gold → user_gold_reserved (barGrams × quantity)
 *   IDR user_cash → gold_withdrawal_fee_revenue (fee × quantity)
 * Admins then mark it printed, shipped, delivered (withdrawal-admin.ts). Not enough gold or cash is
 * refused by the ledger (InsufficientFunds, details.asset). The idempotency key is the user's.
 */
export type WithdrawalOption = { barGrams: GoldBarGrams; fee: bigint; leadTimeDays: number };

/** Bar sizes with their fee per bar and lead time, shown before the user asks. */
export async function getWithdrawalOptions({ ctx }: { ctx: Ctx }): Promise<WithdrawalOption[]> {
  requireRole(ctx, "lender", "admin");
  const s = await readGoldSettings(dbOf(ctx));
  return GOLD_BARS.map((g) => ({ barGrams: g, fee: s.withdrawalFees[g], leadTimeDays: s.leadTimeDays[g] }));
}

export async function listMyGoldWithdrawals({ ctx }: { ctx: Ctx }): Promise<GoldWithdrawal[]> {
  const actor = requireRole(ctx, "lender");
  return dbOf(ctx).select().from(goldWithdrawals).where(eq(goldWithdrawals.userId, actor.userId)).orderBy(desc(goldWithdrawals.createdAt)).limit(100);
}

export const withdrawalRef = (id: string) => ({ type: "gold_withdrawal", id });

export async function requestGoldWithdrawal({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<GoldWithdrawal> {
  const actor = requireRole(ctx, "lender");
  const data = parseInput(GoldWithdrawalInput, input);
  const barGrams = data.barGrams as GoldBarGrams;
  const storedKey = `${actor.userId}:${data.idempotencyKey}`;
  return withTransaction(ctx, async (tx) => {
    await assertKycApproved(tx, actor.userId);
    const [existing] = await tx
      .select()
      .from(goldWithdrawals)
      .where(and(eq(goldWithdrawals.idempotencyKey, storedKey), eq(goldWithdrawals.userId, actor.userId)))
      .limit(1);
    if (existing) {
      if (existing.barGrams !== barGrams || existing.quantity !== data.quantity) {
        throw new Conflict("idempotency_key_reused", "This request key was already used for another request.");
      }
      return existing;
    }
    const settings = await readGoldSettings(tx);
    const { units, fee } = withdrawalTotals(barGrams, data.quantity, settings.withdrawalFees[barGrams]);
    const at = now();
    const [w] = await tx
      .insert(goldWithdrawals)
      .values({
        userId: actor.userId,
        barGrams,
        quantity: data.quantity,
        units,
        fee,
        leadTimeDays: settings.leadTimeDays[barGrams],
        address: data.address,
        status: "requested",
        idempotencyKey: storedKey,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    const [gold, reserved, cash, feeRevenue] = await Promise.all([
      ensureUserAccount(tx, actor.userId, "user_gold"),
      ensureUserAccount(tx, actor.userId, "user_gold_reserved"),
      ensureUserAccount(tx, actor.userId, "user_cash"),
      ensurePlatformAccount(tx, "gold_withdrawal_fee_revenue"),
    ]);
    try {
      await transferMany(tx, [
        { debit: gold.id, credit: reserved.id, amount: units, unit: "XAU", kind: "gold_withdrawal_reserve", idempotencyKey: `gold-withdrawal:${w!.id}:reserve`, reference: withdrawalRef(w!.id) },
      ]);
    } catch (e) {
      if (e instanceof InsufficientFunds) throw new InsufficientFunds("You do not hold enough gold for these bars.", { asset: "XAU", units: goldParam(units) });
      throw e;
    }
    if (fee > 0n) {
      try {
        await transferMany(tx, [
          { debit: cash.id, credit: feeRevenue.id, amount: fee, unit: "IDR", kind: "gold_withdrawal_fee", idempotencyKey: `gold-withdrawal:${w!.id}:fee`, reference: withdrawalRef(w!.id) },
        ]);
      } catch (e) {
        if (e instanceof InsufficientFunds) throw new InsufficientFunds("Not enough cash in your wallet for the printing fee.", { asset: "IDR", needed: idr(fee) });
        throw e;
      }
    }
    await track(tx, {
      name: "gold_withdrawal_requested",
      userId: actor.userId,
      properties: { withdrawalId: w!.id, barGrams, quantity: data.quantity, units, fee, leadTimeDays: w!.leadTimeDays },
      context: ctx.request,
    });
    return w!;
  });
}

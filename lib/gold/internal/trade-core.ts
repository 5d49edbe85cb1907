import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { goldTrades, type GoldTrade } from "@/db/schema";
import { now } from "@/lib/clock";
import type { Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { Conflict, InsufficientFunds, ValidationFailed } from "@/lib/errors";
import { gold, idr } from "@/lib/money/params";
import { ensurePlatformAccount, ensureUserAccount, transferMany } from "@/lib/ledger";
import { checkRupiah } from "@/lib/money/rupiah";
import { gramsToUnits } from "@/lib/money/gold";
import { getLatestPrice, priceChange7dBps } from "./prices";
import { GOLD_MAX_TRADE_RUPIAH, type GoldTradeMode, type GoldTradeSide } from "../schemas";
import { computeTrade, TradeAmountInvalid, type TradeAmounts } from "../trade-math";

/**
 * The one place a gold trade happens (manual buys and sells, recurring buys). In a savepoint of the
 * caller's transaction, so a caller may catch InsufficientFunds and carry on (recurring runs do):
 *
 * - buy:  IDR user_cash → gold_trading (rupiah); XAU gold_inventory → user_gold (units)
 * - sell: XAU user_gold → gold_inventory (units); IDR gold_trading → user_cash (rupiah)
 *
 * (debit → credit; balance = credits − debits.) The user's accounts may not go negative, so buying
 * without the cash or selling more than held is refused by the database and surfaces as
 * InsufficientFunds. The idempotency key is the user's: the same key again returns the first trade
 * and moves nothing.
 */
export type GoldTradeResult = { trade: GoldTrade; amounts: TradeAmounts | null; replayed: boolean };

/** Trade keys are stored per user, so two users' keys never collide. */
export const storedTradeKey = (userId: string, key: string) => `${userId}:${key}`;

export async function findTradeByKey(tx: DbOrTx, userId: string, key: string): Promise<GoldTrade | undefined> {
  const [t] = await tx
    .select()
    .from(goldTrades)
    .where(and(eq(goldTrades.idempotencyKey, storedTradeKey(userId, key)), eq(goldTrades.userId, userId)))
    .limit(1);
  return t;
}

export function replayOf(existing: GoldTrade, side: GoldTradeSide): GoldTradeResult {
  if (existing.side !== side) {
    throw new Conflict("idempotency_key_reused", "This request key was already used for another trade.");
  }
  return { trade: existing, amounts: null, replayed: true };
}

/** Parses the user's amount by mode: whole rupiah digits, or grams with up to 4 decimals → units. */
export function parseTradeAmount(mode: GoldTradeMode, raw: string): bigint {
  if (mode === "rupiah") {
    const r = checkRupiah(raw, { min: 1n, max: GOLD_MAX_TRADE_RUPIAH });
    if (!r.ok) throw new ValidationFailed({ amount: r.error });
    return r.value;
  }
  const units = gramsToUnits(raw);
  if (units === null) throw new ValidationFailed({ amount: "gramsInvalid" });
  if (units <= 0n) throw new ValidationFailed({ amount: "gramsTooSmall" });
  return units;
}

/** computeTrade with its refusals as field errors on "amount". */
export function tradeAmountsOrFieldError(side: GoldTradeSide, mode: GoldTradeMode, amount: bigint, pricePerGram: bigint): TradeAmounts {
  try {
    return computeTrade(side, mode, amount, pricePerGram);
  } catch (e) {
    if (e instanceof TradeAmountInvalid) throw new ValidationFailed({ amount: e.reason });
    throw e;
  }
}

export type ExecuteTradeInput = {
  userId: string;
  amounts: TradeAmounts;
  quoteId: string | null;
  source: "manual" | "recurring";
  recurringPlanId?: string | null;
  idempotencyKey: string;
  request?: Ctx["request"];
  /** When the price used was published (recurring catch-up runs use an earlier stored price). */
  pricedAt?: Date;
};

export async function executeGoldTrade(outer: DbOrTx, input: ExecuteTradeInput): Promise<GoldTradeResult> {
  const { userId, amounts } = input;
  try {
    return await outer.transaction(async (tx) => {
      const [trade] = await tx
        .insert(goldTrades)
        .values({
          userId,
          side: amounts.side,
          units: amounts.units,
          rupiah: amounts.rupiah,
          pricePerGram: amounts.pricePerGram,
          inputMode: amounts.mode,
          quoteId: input.quoteId,
          recurringPlanId: input.recurringPlanId ?? null,
          source: input.source,
          idempotencyKey: storedTradeKey(userId, input.idempotencyKey),
          createdAt: now(),
        })
        .onConflictDoNothing({ target: goldTrades.idempotencyKey })
        .returning();
      if (!trade) {
        const existing = await findTradeByKey(tx, userId, input.idempotencyKey);
        if (!existing) throw new Error("gold: trade neither inserted nor found");
        return replayOf(existing, amounts.side);
      }
      const [cash, gold, inventory, trading] = await Promise.all([
        ensureUserAccount(tx, userId, "user_cash"),
        ensureUserAccount(tx, userId, "user_gold"),
        ensurePlatformAccount(tx, "gold_inventory"),
        ensurePlatformAccount(tx, "gold_trading"),
      ]);
      const reference = { type: "gold_trade", id: trade.id };
      const buy = amounts.side === "buy";
      await transferMany(tx, [
        {
          debit: buy ? cash.id : trading.id,
          credit: buy ? trading.id : cash.id,
          amount: amounts.rupiah,
          unit: "IDR",
          kind: buy ? "gold_buy_payment" : "gold_sell_proceeds",
          idempotencyKey: `gold-trade:${trade.id}:idr`,
          reference,
        },
        {
          debit: buy ? inventory.id : gold.id,
          credit: buy ? gold.id : inventory.id,
          amount: amounts.units,
          unit: "XAU",
          kind: buy ? "gold_buy_delivery" : "gold_sell_delivery",
          idempotencyKey: `gold-trade:${trade.id}:xau`,
          reference,
        },
      ]);
      const latest = await getLatestPrice(tx);
      await track(tx, {
        name: buy ? "gold_bought" : "gold_sold",
        userId,
        properties: {
          tradeId: trade.id,
          units: amounts.units,
          rupiah: amounts.rupiah,
          pricePerGram: amounts.pricePerGram,
          mode: amounts.mode,
          priceChange7dBps: await priceChange7dBps(tx, latest),
          source: input.source,
          recurringPlanId: input.recurringPlanId ?? null,
          ...(input.pricedAt ? { pricedAt: input.pricedAt } : {}),
        },
        context: input.request,
      });
      return { trade, amounts, replayed: false };
    });
  } catch (e) {
    if (e instanceof InsufficientFunds) {
      throw amounts.side === "buy"
        ? new InsufficientFunds("Not enough cash in your wallet for this purchase.", { asset: "IDR", needed: idr(amounts.rupiah) })
        : new InsufficientFunds("You cannot sell more gold than you hold.", { asset: "XAU", units: gold(amounts.units) });
    }
    throw e;
  }
}

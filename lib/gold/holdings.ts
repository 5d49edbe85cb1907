import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { goldTrades, goldWithdrawals, ledgerAccounts } from "@/db/schema";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { applyCostBasis, type CostBasisMove } from "./cost-basis";
import { getLatestPrice, toPriceView, type GoldPriceView } from "./internal/prices";
import { pricePerGramOf, valueAtPrice } from "./trade-math";

export type GoldHoldings = {
  /** Available grams (units of 0.0001 g) and grams reserved for bars on their way. */
  units: bigint;
  reservedUnits: bigint;
  /** Everything the user owns (available + reserved) at today's sell price, rounded down. */
  value: bigint;
  /** Average-cost basis of what is owned (cost-basis.ts) and the average buy price per gram. */
  costBasis: bigint;
  averageBuyPerGram: bigint | null;
  /** value − costBasis (negative when the gold is worth less than it cost). */
  unrealisedGain: bigint;
  price: GoldPriceView;
};

/** The signed-in lender's gold: grams, value at the sell price, average buy price, unrealised gain. */
export async function getGoldHoldings({ ctx }: { ctx: Ctx }): Promise<GoldHoldings> {
  const actor = requireRole(ctx, "lender");
  return withTransaction(ctx, async (tx) => {
    const balances = await tx
      .select({ type: ledgerAccounts.type, balance: ledgerAccounts.balance })
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.ownerType, "user"), eq(ledgerAccounts.ownerId, actor.userId), inArray(ledgerAccounts.type, ["user_gold", "user_gold_reserved"])));
    const units = balances.find((b) => b.type === "user_gold")?.balance ?? 0n;
    const reservedUnits = balances.find((b) => b.type === "user_gold_reserved")?.balance ?? 0n;
    // Trades and delivered bars in time order; a user's list is short enough to fold in memory.
    const [trades, delivered] = await Promise.all([
      tx
        .select({ side: goldTrades.side, units: goldTrades.units, rupiah: goldTrades.rupiah, at: goldTrades.createdAt })
        .from(goldTrades)
        .where(eq(goldTrades.userId, actor.userId))
        .orderBy(asc(goldTrades.createdAt)),
      tx
        .select({ units: goldWithdrawals.units, at: goldWithdrawals.updatedAt })
        .from(goldWithdrawals)
        .where(and(eq(goldWithdrawals.userId, actor.userId), eq(goldWithdrawals.status, "delivered"))),
    ]);
    const moves = [
      ...trades.map((t) => ({ at: t.at, move: { kind: t.side === "buy" ? "buy" : "out", units: t.units, rupiah: t.rupiah } as CostBasisMove })),
      ...delivered.map((w) => ({ at: w.at, move: { kind: "out", units: w.units, rupiah: 0n } as CostBasisMove })),
    ].sort((a, b) => a.at.getTime() - b.at.getTime());
    const basis = applyCostBasis(moves.map((m) => m.move));
    const latest = await getLatestPrice(tx);
    const value = valueAtPrice(units + reservedUnits, latest.sellPerGram);
    return {
      units,
      reservedUnits,
      value,
      costBasis: basis.cost,
      averageBuyPerGram: pricePerGramOf(basis.cost, basis.units),
      unrealisedGain: value - basis.cost,
      price: await toPriceView(tx, latest),
    };
  });
}

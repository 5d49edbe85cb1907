import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { GoldVolumeInput } from "./schemas";

export type GoldVolumeDay = { day: string; buyCount: number; buyRupiah: bigint; buyUnits: bigint; sellCount: number; sellRupiah: bigint; sellUnits: bigint };

/** Admin: trade volume per Jakarta day over the last `days` days (one grouped query), newest first. */
export async function getGoldTradeVolume({ ctx, input }: { ctx: Ctx; input?: unknown }): Promise<GoldVolumeDay[]> {
  requireRole(ctx, "admin");
  const { days } = parseInput(GoldVolumeInput, input ?? {});
  return withTransaction(ctx, async (tx) => {
    const from = new Date(now().getTime() - days * 86_400_000);
    const rows = rowsOf<{ day: string; buy_rupiah: string; buy_units: string; sell_rupiah: string; sell_units: string; buy_count: number | string; sell_count: number | string }>(
      await tx.execute(sql`
        select to_char((created_at at time zone 'Asia/Jakarta')::date, 'YYYY-MM-DD') as day,
               coalesce(sum(rupiah) filter (where side = 'buy'), 0)::text as buy_rupiah,
               coalesce(sum(units) filter (where side = 'buy'), 0)::text as buy_units,
               coalesce(sum(rupiah) filter (where side = 'sell'), 0)::text as sell_rupiah,
               coalesce(sum(units) filter (where side = 'sell'), 0)::text as sell_units,
               (count(*) filter (where side = 'buy'))::int as buy_count,
               (count(*) filter (where side = 'sell'))::int as sell_count
          from gold_trades
         where created_at >= ${from.toISOString()}::timestamptz
         group by 1 order by 1 desc`),
    );
    return rows.map((r) => ({
      day: r.day,
      buyRupiah: BigInt(r.buy_rupiah),
      buyUnits: BigInt(r.buy_units),
      sellRupiah: BigInt(r.sell_rupiah),
      sellUnits: BigInt(r.sell_units),
      buyCount: Number(r.buy_count),
      sellCount: Number(r.sell_count),
    }));
  });
}

export type GoldInventory = {
  /** Grams users bought from and sold to the platform, all time. */
  unitsBought: bigint;
  unitsSold: bigint;
  /** Grams that left as delivered bars. */
  withdrawnUnits: bigint;
  /** Net position: bought − sold − delivered = grams users still hold (available + reserved). */
  netUnits: bigint;
  /** The gold_inventory ledger balance: −netUnits (debited on buys, credited on sells and deliveries). */
  inventoryBalance: bigint;
  /** Grams users hold, available and reserved for bars (from the ledger). */
  userUnits: bigint;
  reservedUnits: bigint;
  /** Rupiah side of trades (gold_trading balance: buys − sells) and bar fees collected. */
  tradingRupiah: bigint;
  feeRevenue: bigint;
};

/** Admin: the platform's gold position, from the trades and the ledger (set-based sums). */
export async function getGoldInventory({ ctx }: { ctx: Ctx }): Promise<GoldInventory> {
  requireRole(ctx, "admin");
  return withTransaction(ctx, async (tx) => {
    const [r] = rowsOf<Record<string, string>>(
      await tx.execute(sql`
        select
          (select coalesce(sum(units), 0) from gold_trades where side = 'buy')::text as bought,
          (select coalesce(sum(units), 0) from gold_trades where side = 'sell')::text as sold,
          (select coalesce(sum(units), 0) from gold_withdrawals where status = 'delivered')::text as delivered,
          (select coalesce(sum(balance), 0) from ledger_accounts where owner_type = 'platform' and type = 'gold_inventory')::text as inventory,
          (select coalesce(sum(balance), 0) from ledger_accounts where owner_type = 'user' and type = 'user_gold')::text as user_units,
          (select coalesce(sum(balance), 0) from ledger_accounts where owner_type = 'user' and type = 'user_gold_reserved')::text as reserved,
          (select coalesce(sum(balance), 0) from ledger_accounts where owner_type = 'platform' and type = 'gold_trading')::text as trading,
          (select coalesce(sum(balance), 0) from ledger_accounts where owner_type = 'platform' and type = 'gold_withdrawal_fee_revenue')::text as fees`),
    );
    return {
      unitsBought: BigInt(r!.bought!),
      unitsSold: BigInt(r!.sold!),
      withdrawnUnits: BigInt(r!.delivered!),
      netUnits: BigInt(r!.bought!) - BigInt(r!.sold!) - BigInt(r!.delivered!),
      inventoryBalance: BigInt(r!.inventory!),
      userUnits: BigInt(r!.user_units!),
      reservedUnits: BigInt(r!.reserved!),
      tradingRupiah: BigInt(r!.trading!),
      feeRevenue: BigInt(r!.fees!),
    };
  });
}

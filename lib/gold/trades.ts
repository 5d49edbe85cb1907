import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { goldTrades } from "@/db/schema";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { unitsToGramsString } from "@/lib/money/gold";
import { GoldTradesPageInput } from "./schemas";

export type GoldTradeRow = {
  id: string;
  side: "buy" | "sell";
  units: bigint;
  rupiah: bigint;
  pricePerGram: bigint;
  inputMode: "rupiah" | "grams";
  source: "manual" | "recurring";
  createdAt: Date;
};

const columns = {
  id: goldTrades.id,
  side: goldTrades.side,
  units: goldTrades.units,
  rupiah: goldTrades.rupiah,
  pricePerGram: goldTrades.pricePerGram,
  inputMode: goldTrades.inputMode,
  source: goldTrades.source,
  createdAt: goldTrades.createdAt,
};

/** The signed-in lender's trades, newest first, paginated. */
export async function listGoldTrades({ ctx, input }: { ctx: Ctx; input?: unknown }) {
  const actor = requireRole(ctx, "lender");
  const p = parseInput(GoldTradesPageInput, input ?? {});
  const db = dbOf(ctx);
  const [items, [total]] = await Promise.all([
    db
      .select(columns)
      .from(goldTrades)
      .where(eq(goldTrades.userId, actor.userId))
      .orderBy(desc(goldTrades.createdAt), desc(goldTrades.id))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ total: count() }).from(goldTrades).where(eq(goldTrades.userId, actor.userId)),
  ]);
  return { items: items as GoldTradeRow[], total: total?.total ?? 0, page: p.page, pageSize: p.pageSize };
}

/** All of the signed-in lender's trades (newest first) for the CSV export, capped at 10 000 rows. */
export async function exportGoldTrades({ ctx }: { ctx: Ctx }): Promise<string> {
  const actor = requireRole(ctx, "lender");
  const rows = await dbOf(ctx)
    .select(columns)
    .from(goldTrades)
    .where(eq(goldTrades.userId, actor.userId))
    .orderBy(desc(goldTrades.createdAt), desc(goldTrades.id))
    .limit(10_000);
  return goldTradesToCsv(rows as GoldTradeRow[]);
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Pure: CSV with a header, ISO times, grams as exact decimals, rupiah as whole numbers. */
export function goldTradesToCsv(rows: readonly GoldTradeRow[]): string {
  const header = ["time", "side", "grams", "rupiah", "price_per_gram", "entered_as", "source", "trade_id"];
  const lines = rows.map((r) =>
    [r.createdAt.toISOString(), r.side, unitsToGramsString(r.units), r.rupiah.toString(), r.pricePerGram.toString(), r.inputMode, r.source, r.id].map(csvCell).join(","),
  );
  return [header.join(","), ...lines].join("\n") + "\n";
}

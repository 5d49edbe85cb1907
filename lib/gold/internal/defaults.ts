import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { count } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { goldMonthlyPrices } from "@/db/schema";
import { logger } from "@/lib/logger";
import { usdStringToCents } from "../pricing";

/**
 * The real price history: World Bank monthly averages (USD per troy ounce) shipped in the repository
 * (db/seed/data/gold-monthly-usd-per-troy-ounce.csv, ODC-PDDL-1.0; see docs/gold.md). Loaded into
 * gold_monthly_prices at boot and seed, idempotently (one INSERT … ON CONFLICT DO NOTHING).
 */
export const GOLD_HISTORY_CSV = path.resolve(process.cwd(), "db/seed/data/gold-monthly-usd-per-troy-ounce.csv");

/** Pure: "Date,Price\n1990-01,410.000" → rows (month as the first day, USD cents per ounce). */
export function parseGoldHistoryCsv(text: string): { month: string; usdCentsPerOunce: bigint }[] {
  const out: { month: string; usdCentsPerOunce: bigint }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^(\d{4})-(\d{2}),\s*([\d.]+)\s*$/.exec(line.trim());
    if (m) out.push({ month: `${m[1]}-${m[2]}-01`, usdCentsPerOunce: usdStringToCents(m[3]!) });
  }
  return out;
}

export async function ensureGoldDefaults(db: DbOrTx): Promise<number> {
  const [have] = await db.select({ n: count() }).from(goldMonthlyPrices);
  let text: string;
  try {
    text = await fs.readFile(GOLD_HISTORY_CSV, "utf8");
  } catch (error) {
    // A deployment without the file still serves live prices; only the long-range chart is empty.
    logger.warn("gold history file not found; 1Y/5Y/ALL charts will show live prices only", { file: GOLD_HISTORY_CSV, error: String(error) });
    return 0;
  }
  const rows = parseGoldHistoryCsv(text);
  if ((have?.n ?? 0) >= rows.length) return 0;
  const inserted = await db
    .insert(goldMonthlyPrices)
    .values(rows)
    .onConflictDoNothing({ target: goldMonthlyPrices.month })
    .returning({ month: goldMonthlyPrices.month });
  return inserted.length;
}

import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { toDate } from "./internal/store";
import { now } from "@/lib/clock";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { inputRules, loanOpen, rulesMatchLoan, savedRules, type RuleExprs } from "./predicate";
import { StrategyIdInput, StrategyInput } from "./schemas";
import { StrategyNotFound } from "./internal/store";

export const PREVIEW_LIMIT = 50;

export type PreviewLoan = {
  loanId: string;
  productCode: string;
  subgrade: string;
  rateBps: number;
  principal: bigint;
  fundedAmount: bigint;
  tenor: number;
  tenorUnit: "months" | "days";
  method: string;
  sector: string;
  purpose: string;
  listedAt: Date;
  fundingDeadline: Date;
};

/**
 * "With these rules, these of today's listed loans would match": loans open for funding (status
 * funding, deadline ahead) that the rules match — the matcher's own predicate (predicate.ts). Takes
 * either a saved strategy ({ strategyId }) or the form's unsaved values ({ strategy: StrategyInput }).
 * The lender's own loans (if any) are left out, as the matcher does. At most 50, newest first.
 */
export async function previewStrategy({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ loans: PreviewLoan[]; total: number }> {
  const actor = requireRole(ctx, "lender");
  const db = dbOf(ctx);
  let rules: RuleExprs;
  let from = sql``;
  const given = (input && typeof input === "object" ? input : {}) as { strategyId?: unknown; strategy?: unknown };
  if ("strategyId" in given) {
    const { strategyId } = parseInput(StrategyIdInput, { strategyId: given.strategyId });
    const [own] = rowsOf<{ id: string }>(
      await db.execute(sql`select id from auto_purchase_strategies where id = ${strategyId} and lender_id = ${actor.userId} and archived_at is null`),
    );
    if (!own) throw new StrategyNotFound();
    rules = savedRules("s");
    from = sql`, auto_purchase_strategies s where s.id = ${strategyId} and`;
  } else {
    const data = parseInput(StrategyInput, given.strategy);
    rules = inputRules(data);
    from = sql` where`;
  }
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select l.id, l.product_code, l.subgrade, l.rate_bps, l.principal::text, l.funded_amount::text, l.tenor, l.tenor_unit, l.method,
        l.sector, l.purpose, l.listed_at, l.funding_deadline, count(*) over () as total
      from loans l${from} ${loanOpen("l", now())} and l.borrower_id <> ${actor.userId} and ${rulesMatchLoan(rules, "l")}
      order by l.listed_at desc, l.id
      limit ${PREVIEW_LIMIT}`),
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    loans: rows.map((r) => ({
      loanId: String(r.id),
      productCode: String(r.product_code),
      subgrade: String(r.subgrade),
      rateBps: Number(r.rate_bps),
      principal: BigInt(String(r.principal)),
      fundedAmount: BigInt(String(r.funded_amount)),
      tenor: Number(r.tenor),
      tenorUnit: r.tenor_unit as "months" | "days",
      method: String(r.method),
      sector: String(r.sector),
      purpose: String(r.purpose),
      listedAt: toDate(r.listed_at),
      fundingDeadline: toDate(r.funding_deadline),
    })),
  };
}

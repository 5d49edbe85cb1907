import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { StrategyData } from "./schemas";
import { ts } from "./internal/store";

/**
 * The ONE definition of "this strategy's rules match this loan", as SQL. The matcher (candidate
 * query: saved strategies against one loan) and the preview (saved or unsaved rules against today's
 * listed loans) both build their WHERE from here, so what the preview shows is what the matcher buys.
 *
 * Rules are SQL expressions, so the same predicate takes table columns or bound parameters. Empty
 * lists mean "any"; a loan in days counts as ceil(days / 30) months.
 */
export type RuleExprs = {
  productCodes: SQL; // jsonb array
  subgrades: SQL;
  sectors: SQL;
  methods: SQL;
  minTenorMonths: SQL; // int or null
  maxTenorMonths: SQL;
  minRateBps: SQL;
};

/** Rules of a saved strategy, by table alias (e.g. "s"). */
export function savedRules(alias: string): RuleExprs {
  const c = (col: string) => sql.raw(`${alias}.${col}`);
  return {
    productCodes: c("product_codes"),
    subgrades: c("subgrades"),
    sectors: c("sectors"),
    methods: c("methods"),
    minTenorMonths: c("min_tenor_months"),
    maxTenorMonths: c("max_tenor_months"),
    minRateBps: c("min_rate_bps"),
  };
}

/** Rules of unsaved input (the preview of a form), as parameters. */
export function inputRules(data: Pick<StrategyData, "productCodes" | "subgrades" | "sectors" | "methods" | "minTenorMonths" | "maxTenorMonths" | "minRateBps">): RuleExprs {
  const list = (a: readonly string[]) => sql`${JSON.stringify(a)}::jsonb`;
  const int = (v: number | undefined | null) => (v === undefined || v === null ? sql`null::int` : sql`${v}::int`);
  return {
    productCodes: list(data.productCodes),
    subgrades: list(data.subgrades),
    sectors: list(data.sectors),
    methods: list(data.methods),
    minTenorMonths: int(data.minTenorMonths),
    maxTenorMonths: int(data.maxTenorMonths),
    minRateBps: int(data.minRateBps),
  };
}

/** A loan's tenor in months (days rounded up to whole 30-day months). */
export function loanTenorMonths(loanAlias: string): SQL {
  const l = (col: string) => sql.raw(`${loanAlias}.${col}`);
  return sql`(case when ${l("tenor_unit")} = 'days' then (${l("tenor")} + 29) / 30 else ${l("tenor")} end)`;
}

/** The predicate: `rules` match the loan of alias `loanAlias` (a row of loans). */
export function rulesMatchLoan(r: RuleExprs, loanAlias: string): SQL {
  const l = (col: string) => sql.raw(`${loanAlias}.${col}`);
  const inList = (list: SQL, value: SQL) => sql`(jsonb_array_length(${list}) = 0 or ${list} @> jsonb_build_array(${value}))`;
  const months = loanTenorMonths(loanAlias);
  return sql`(${inList(r.productCodes, l("product_code"))}
    and ${inList(r.subgrades, l("subgrade"))}
    and ${inList(r.sectors, l("sector"))}
    and ${inList(r.methods, sql`${l("method")}::text`)}
    and (${r.minRateBps} is null or ${l("rate_bps")} >= ${r.minRateBps})
    and (${r.minTenorMonths} is null or ${months} >= ${r.minTenorMonths})
    and (${r.maxTenorMonths} is null or ${months} <= ${r.maxTenorMonths}))`;
}

/** Loans open to investors right now: funding and before their deadline. */
export function loanOpen(loanAlias: string, at: Date): SQL {
  return sql`(${sql.raw(loanAlias)}.status = 'funding' and ${sql.raw(loanAlias)}.funding_deadline > ${ts(at)})`;
}

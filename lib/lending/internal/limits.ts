import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { kycSteps } from "@/db/schema";
import { LimitExceeded } from "@/lib/errors";
import { idr } from "@/lib/money/params";
import { readSetting } from "@/lib/system";

/**
 * Lender limits (POJK 40/2024 style): a non-professional lender may have at most 10% of declared
 * annual income outstanding on the platform, a professional lender (income above Rp500.000.000 a year)
 * 20%. The figures are data, kept in the settings table under LENDER_LIMITS_KEY so an admin (or a
 * future regulatory-limits page) can change them without a deploy; these are the defaults.
 */
export const LENDER_LIMITS_KEY = "lending.lender_limits";

export type LenderLimitSettings = { professionalIncomeAbove: bigint; nonProfessionalPct: number; professionalPct: number };

export const DEFAULT_LENDER_LIMITS: LenderLimitSettings = { professionalIncomeAbove: 500_000_000n, nonProfessionalPct: 10, professionalPct: 20 };

type Stored = { professionalIncomeAbove: string; nonProfessionalPct: number; professionalPct: number };

export async function readLenderLimitSettings(db: DbOrTx): Promise<LenderLimitSettings> {
  const stored = await readSetting<Partial<Stored>>(db, LENDER_LIMITS_KEY);
  return {
    professionalIncomeAbove: stored?.professionalIncomeAbove ? BigInt(stored.professionalIncomeAbove) : DEFAULT_LENDER_LIMITS.professionalIncomeAbove,
    nonProfessionalPct: stored?.nonProfessionalPct ?? DEFAULT_LENDER_LIMITS.nonProfessionalPct,
    professionalPct: stored?.professionalPct ?? DEFAULT_LENDER_LIMITS.professionalPct,
  };
}

/** The annual income declared in the lender's KYC (occupation step), or 0 when none is declared. */
export async function declaredAnnualIncome(db: DbOrTx, userId: string): Promise<bigint> {
  const [row] = await db
    .select({ data: kycSteps.data })
    .from(kycSteps)
    .where(and(eq(kycSteps.userId, userId), eq(kycSteps.step, "occupation")))
    .limit(1);
  const income = row?.data.annualIncome;
  return typeof income === "string" && /^\d+$/.test(income) ? BigInt(income) : 0n;
}

/** The limit rule, pure (also used set-based by the auto-purchase matcher): pct of income, floored. */
export function limitFromIncome(settings: LenderLimitSettings, income: bigint): { professional: boolean; pct: number; limit: bigint } {
  const professional = income > settings.professionalIncomeAbove;
  const pct = professional ? settings.professionalPct : settings.nonProfessionalPct;
  return { professional, pct, limit: (income * BigInt(pct)) / 100n };
}

export type LenderLimit = { income: bigint; professional: boolean; pct: number; limit: bigint; outstanding: bigint; headroom: bigint };

/**
 * The lender's limit. `outstanding` (principal still lent out on Lumbung) comes from the loan engine's
 * portfolio; until that exists callers pass it in.
 */
export async function lenderLimit(db: DbOrTx, userId: string, outstanding = 0n): Promise<LenderLimit> {
  const [settings, income] = await Promise.all([readLenderLimitSettings(db), declaredAnnualIncome(db, userId)]);
  const { professional, pct, limit } = limitFromIncome(settings, income);
  const headroom = limit > outstanding ? limit - outstanding : 0n;
  return { income, professional, pct, limit, outstanding, headroom };
}

/** For the invest verb: refuses an investment that would take the lender's outstanding above the limit, naming the figures. */
export async function assertWithinLenderLimit(tx: DbOrTx, userId: string, amount: bigint, outstanding: bigint): Promise<LenderLimit> {
  const l = await lenderLimit(tx, userId, outstanding);
  const after = outstanding + amount;
  if (after > l.limit) {
    throw new LimitExceeded(
      "lender_limit_exceeded",
      `This investment would bring your outstanding above your limit (details.after > details.limit, ${l.pct}% of your declared annual income).`,
      {
        amount: idr(amount),
        outstanding: idr(outstanding),
        after: idr(after),
        limit: idr(l.limit),
        headroom: idr(l.headroom),
        pct: l.pct,
        income: idr(l.income),
        professional: l.professional,
      },
    );
  }
  return l;
}

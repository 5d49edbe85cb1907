/**
 * People's words for what the loans domain stores as keys: a loan's name (its business and product,
 * never an id), a tenor ("6 bulan" / "6 months", an ICU plural), a sector and a scorecard factor.
 * Pure and client-safe: each takes the translator of its namespace (`words` or `sectors`), so a
 * server page (getTranslations) and a client component (useTranslations) read the same.
 */
type Translate = { (key: string, values?: Record<string, string | number>): string; has?: (key: string) => boolean };

/** "Warung Sari · Paylater Bisnis"; just the product when the business has no name on file. */
export function loanName(words: Translate, loan: { businessName?: string | null; productName: string }): string {
  const business = loan.businessName?.trim();
  return business ? words("loanName", { business, product: loan.productName }) : loan.productName;
}

/** "6 months" / "6 bulan", "30 days" / "30 hari". */
export function tenorText(words: Translate, tenor: number, unit: "months" | "days"): string {
  return words(`tenor.${unit}`, { count: tenor });
}

/** A sector's name in the reader's language; an unknown key (old data) is shown with spaces, not underscores. */
export function sectorName(sectors: Translate, sector: string): string {
  if (sectors.has ? sectors.has(sector) : true) return sectors(sector);
  return sector.replace(/_/g, " ");
}

/** A scorecard factor in words ("Profit margin", "Margin laba"). */
export function factorName(words: Translate, factor: string): string {
  if (words.has ? words.has(`factors.${factor}`) : true) return words(`factors.${factor}`);
  return factor.replace(/_/g, " ");
}

const DOCUMENT_VALUES: Record<string, string> = { id: "id", "bank statements": "bank_statement", "business licence": "business_licence", none: "none" };

/**
 * A factor's value as stored in the breakdown, in words: the sector by name, the documents list
 * ("id, bank statements") by their names; numbers pass through.
 */
export function factorValue(words: Translate, sectors: Translate, factor: string, value: string): string {
  if (factor === "sector") return sectorName(sectors, value);
  if (factor === "documents") return value.split(", ").map((v) => (DOCUMENT_VALUES[v] ? words(`documents.${DOCUMENT_VALUES[v]}`) : v)).join(", ");
  return value;
}

/**
 * The scorecard's reasons (lib/loans/scoring.ts writes them in English into the stored breakdown) as
 * keys of `words.reasons`, so an admin reads them in their language; an unknown one (a reason added to
 * the scorecard later, before its words) is shown as stored.
 */
const REASON_KEYS: Record<string, string> = {
  "cash flow covers the installment 3× or more": "coverage3x",
  "cash flow covers the installment 2–3×": "coverage2x",
  "cash flow covers the installment 1.5–2×": "coverage15x",
  "cash flow covers the installment 1.2–1.5×: thin buffer": "coverage12x",
  "cash flow covers the installment less than 1.2×: heavy penalty": "coverageLow",
  "margin 30 % or more": "margin30",
  "margin 20–30 %": "margin20",
  "margin 10–20 %": "margin10",
  "margin under 10 %: little room for a bad month": "marginLow",
  "no revenue": "noRevenue",
  "loss-making: expenses exceed revenue": "loss",
  "trade: fast stock turnover, steady daily sales": "sectorTrade",
  "food and beverage: daily demand, cash sales": "sectorFood",
  "services: steady but client-concentrated": "sectorServices",
  "manufacturing: steady orders, inventory risk": "sectorManufacturing",
  "logistics: steady volume, fuel-price exposure": "sectorLogistics",
  "other sector: no sector evidence either way": "sectorOther",
  "agriculture: seasonal harvests and price swings": "sectorAgriculture",
  "construction: long receivable cycles, project risk": "sectorConstruction",
  "4+ years: survived several business cycles": "years4",
  "2–4 years: established": "years2",
  "1–2 years: young business": "years1",
  "under a year: no full year of trading": "years0",
  "no debt on other platforms": "platforms0",
  "one other platform": "platforms1",
  "two other platforms": "platforms2",
  "three other platforms: at the regulatory limit": "platforms3",
  "more than three other platforms: refused": "platformsOver",
  "6 for bank statements, 4 for a business licence": "documents",
  "identity document missing: refused": "identityMissing",
  "3 per loan repaid here, up to 15": "loansRepaid",
  "−3 per late payment, down to −15": "latePayments",
  "−30 per default": "defaults",
};

export function reasonText(words: Translate, reason: string): string {
  const key = REASON_KEYS[reason];
  return key ? words(`reasons.${key}`) : reason;
}

/** Every reason the scorecard can write (for the test that each has words). */
export const SCORE_REASONS = Object.keys(REASON_KEYS);

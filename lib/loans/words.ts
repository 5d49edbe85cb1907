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

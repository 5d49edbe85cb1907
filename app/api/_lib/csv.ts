import { getTranslations } from "next-intl/server";

export type CsvTable = "portfolio" | "wallet" | "gold";
type Translate = { (key: string): string; has: (key: string) => boolean };

function cell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * Pure: the CSV with its first line (machine column keys such as `late_fee`) replaced by the column
 * names in the reader's language (`csv.<table>.late_fee`); the rows are left exactly as they were.
 */
export function localizeCsvHeader(csv: string, t: Translate): string {
  const nl = csv.indexOf("\n");
  const header = nl === -1 ? csv : csv.slice(0, nl);
  const rest = nl === -1 ? "" : csv.slice(nl);
  return header.split(",").map((k) => cell(t.has(k) ? t(k) : k)).join(",") + rest;
}

/** The CSV with its header in the request's language (see lib/i18n/request.ts). */
export async function withReaderHeader(csv: string, table: CsvTable): Promise<string> {
  const t = (await getTranslations(`csv.${table}`)) as unknown as Translate;
  return localizeCsvHeader(csv, t);
}

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * One formatting module: app/ and components/ show figures and dates only through lib/money/format.ts
 * (formatRupiah, formatPercent, formatDate, getFormat(), useFormat(), …), so Indonesian readers get
 * "Rp100.000", "13,50%" and "2 Desember 2026" everywhere. Anything else that formats for people —
 * toLocale…String(), an Intl formatter, next-intl's dateStyle/timeStyle options, an ISO date cut out of
 * toISOString(), a percentage made with toFixed() — fails here. Machine formats are allowed below,
 * each with its reason.
 */
const ROOT = join(__dirname, "..", "..");
const DIRS = ["app", "components"];

const FORBIDDEN: [RegExp, string][] = [
  [/\.toLocale(?:String|DateString|TimeString)\s*\(/, "toLocale…String()"],
  [/\bIntl\.(?:NumberFormat|DateTimeFormat|RelativeTimeFormat)\b/, "an Intl formatter"],
  [/\.toISOString\(\)\.slice\(/, "an ISO date cut from toISOString()"],
  [/\b(?:dateStyle|timeStyle)\s*:/, "next-intl/Intl date options (use formatDate / formatDateTime)"],
  [/\.toFixed\s*\(/, "toFixed() (use formatPercent / formatRatioPercent)"],
];

/** Machine formats, not shown as text to people: file path (from the repo root), the pattern's label, why. */
const ALLOWED: { file: RegExp; what: string; why: string }[] = [
  { file: /^app\/api\/v1\/[^/]+\/[^/]+\.csv\/route\.ts$/, what: "an ISO date cut from toISOString()", why: "the CSV download's file name (lumbung-wallet-2026-12-02.csv) sorts by date" },
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Drops comments so documentation may still mention toLocaleString(). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");

export function offences(texts: { path: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { path, text } of texts) {
    code(text)
      .split("\n")
      .forEach((line, i) => {
        for (const [re, what] of FORBIDDEN) {
          if (re.test(line) && !ALLOWED.some((a) => a.what === what && a.file.test(path))) found.push(`${path}:${i + 1}: ${what}`);
        }
      });
  }
  return found;
}

describe("one formatting module for what people read", () => {
  it("app/ and components/ format figures and dates only through lib/money/format", () => {
    const texts = DIRS.flatMap((d) => files(join(ROOT, d))).map((path) => ({ path: relative(ROOT, path).split("\\").join("/"), text: readFileSync(path, "utf8") }));
    expect(texts.length).toBeGreaterThan(50);
    expect(offences(texts)).toEqual([]);
  });

  it("the check catches what it is meant to catch, and allows only what is listed", () => {
    const sample = [
      "const a = n.toLocaleString('id-ID');",
      "const b = new Intl.NumberFormat('id-ID').format(n);",
      "const c = d.toISOString().slice(0, 10);",
      "const e = format.dateTime(d, { dateStyle: \"medium\" });",
      "const f = `${(bps / 100).toFixed(2)}%`;",
      "// fine in a comment: n.toLocaleString()",
    ].join("\n");
    expect(offences([{ path: "components/x.tsx", text: sample }])).toHaveLength(5);
    expect(offences([{ path: "app/api/v1/wallet/movements.csv/route.ts", text: "const day = now().toISOString().slice(0, 10);" }])).toEqual([]);
    expect(offences([{ path: "app/lender/page.tsx", text: "const day = now().toISOString().slice(0, 10);" }])).toHaveLength(1);
  });
});

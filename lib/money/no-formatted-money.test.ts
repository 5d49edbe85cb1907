import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * No formatted money outside the view: lib/ (except lib/money, where the formatters live, and the
 * notification renderer) never builds "Rp…" text, groups thousands or formats amounts, grams or dates
 * for people. Notifications and DomainError details carry typed values (lib/money/params.ts) that each
 * channel renders in the reader's language.
 */
const ROOT = join(__dirname, "..");
const ALLOWED = [/^money\//, /^notifications\/render\.ts$/];
const FORBIDDEN: [RegExp, string][] = [
  [/Rp\$\{/, "an `Rp${…}` template"],
  [/["'`]Rp\s?\d/, "an \"Rp…\" literal"],
  [/\bgroupThousands\s*\(/, "groupThousands()"],
  [/\bformatRupiah\s*\(/, "formatRupiah()"],
  [/\bformatGrams\s*\(/, "formatGrams()"],
  [/\bformatDateTime\s*\(/, "formatDateTime()"],
  [/\.toLocale(?:String|DateString|TimeString)\s*\(/, "toLocale…String()"],
  [/new Intl\.(?:NumberFormat|DateTimeFormat)\b/, "an Intl formatter"],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Drops comments so documentation may still say "Rp10.000". */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");

export function offences(): string[] {
  const found: string[] = [];
  for (const path of files(ROOT)) {
    const rel = relative(ROOT, path).split("\\").join("/");
    if (ALLOWED.some((re) => re.test(rel))) continue;
    code(readFileSync(path, "utf8"))
      .split("\n")
      .forEach((line, i) => {
        for (const [re, what] of FORBIDDEN) if (re.test(line)) found.push(`lib/${rel}:${i + 1}: ${what}`);
      });
  }
  return found;
}

describe("no formatted money outside the view", () => {
  it("lib/ outside lib/money and the renderer builds no Rp strings and formats no figures", () => {
    expect(offences()).toEqual([]);
  });

  it("the check catches what it is meant to catch", () => {
    const sample = code('const a = `Rp${x}`;\nconst b = "Rp10.000"; // fine in a comment: Rp${y}\nconst c = groupThousands(v);');
    const lines = sample.split("\n").filter((l) => FORBIDDEN.some(([re]) => re.test(l)));
    expect(lines).toHaveLength(3);
  });
});

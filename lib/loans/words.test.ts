import { createTranslator } from "next-intl";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { goldTradesToCsv } from "@/lib/gold/trades";
import { renderNotification } from "@/lib/notifications/render";
import en from "@/messages/en.json";
import id from "@/messages/id.json";
import { DEFAULT_PRODUCTS } from "./internal/defaults";
import { DOCUMENT_KINDS } from "./schemas";
import { SCORE_FACTORS, SECTORS, scoreBreakdown } from "./scoring";
import { factorName, factorValue, loanName, reasonText, SCORE_REASONS, sectorName, tenorText } from "./words";

const MESSAGES = { en, id } as const;
const LOCALES = ["en", "id"] as const;
type Tr = { (key: string, values?: Record<string, string | number>): string; has: (key: string) => boolean };
const tr = (locale: "en" | "id", namespace: string) => createTranslator({ locale, messages: MESSAGES[locale], namespace: namespace as never }) as unknown as Tr;

/** The machine columns of each CSV export, as the lib writes them (their own tests pin these lines). */
const CSV_COLUMNS = {
  portfolio: "date,type,loan_id,amount,principal,interest,late_fee,service_fee".split(","),
  wallet: "date,type,amount_idr,reference_type,reference_id,transfer_id".split(","),
  gold: goldTradesToCsv([]).trim().split(","),
};

function label(locale: "en" | "id", path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], MESSAGES[locale]);
}

describe("people's words, not keys", () => {
  for (const locale of LOCALES) {
    it(`every sector, scorecard factor, document and CSV column has words in ${locale}`, () => {
      const missing = [
        ...SECTORS.map((s) => `sectors.${s}`),
        ...SCORE_FACTORS.map((f) => `words.factors.${f}`),
        ...[...DOCUMENT_KINDS, "none"].map((d) => `words.documents.${d}`),
        ...Object.entries(CSV_COLUMNS).flatMap(([table, cols]) => cols.map((c) => `csv.${table}.${c}`)),
      ].filter((path) => {
        const text = label(locale, path);
        return typeof text !== "string" || text.trim() === "" || text === path.split(".").at(-1);
      });
      expect(missing).toEqual([]);
    });
  }

  it("every product starts with a name of its own, not its code", () => {
    for (const p of DEFAULT_PRODUCTS) {
      expect(p.name.trim(), p.code).not.toBe("");
      expect(p.name, p.code).not.toBe(p.code);
      expect(p.name, p.code).not.toMatch(/^[a-z]+(-[a-z]+)+$/);
    }
  });

  it("spells tenors out with a plural in both languages", () => {
    const w = { en: tr("en", "words"), id: tr("id", "words") };
    expect(tenorText(w.en, 1, "months")).toBe("1 month");
    expect(tenorText(w.en, 6, "months")).toBe("6 months");
    expect(tenorText(w.en, 30, "days")).toBe("30 days");
    expect(tenorText(w.id, 6, "months")).toBe("6 bulan");
    expect(tenorText(w.id, 1, "days")).toBe("1 hari");
  });

  it("names a loan by its business and product, never its id", () => {
    const w = tr("id", "words");
    expect(loanName(w, { businessName: "CV Kopi Gayo", productName: "Modal Usaha" })).toBe("CV Kopi Gayo · Modal Usaha");
    expect(loanName(w, { businessName: " ", productName: "Modal Usaha" })).toBe("Modal Usaha");
    expect(loanName(w, { productName: "Paylater Bisnis" })).toBe("Paylater Bisnis");
  });

  it("writes sectors, factors and their values in words", () => {
    const [w, s] = [tr("id", "words"), tr("id", "sectors")];
    expect(sectorName(s, "food_beverage")).toBe("Makanan dan minuman");
    expect(sectorName(s, "space_mining")).toBe("space mining");
    expect(factorName(w, "profit_margin")).toBe("Margin laba");
    expect(factorName(tr("en", "words"), "installment_coverage")).toBe("Cash flow against the installment");
    expect(factorValue(w, s, "sector", "agriculture")).toBe("Pertanian");
    expect(factorValue(w, s, "documents", "id, bank statements, business licence")).toBe("KTP, Rekening koran, Izin usaha");
    expect(factorValue(w, s, "documents", "none")).toBe("Tidak ada");
    expect(factorValue(w, s, "years_operating", "3")).toBe("3");
  });

  it("names a restructured loan by its product; rows that stored only the id read 'your loan'", () => {
    expect(renderNotification("en", { kind: "loan_restructured", params: { loanId: "3f0c", loan: "Modal Usaha" } })).toBe("The repayment schedule of your Modal Usaha loan has been restructured.");
    expect(renderNotification("id", { kind: "loan_restructured", params: { loanId: "3f0c", loan: "Modal Usaha" } })).toBe("Jadwal pembayaran pinjaman Modal Usaha Anda telah direstrukturisasi.");
    const legacy = { kind: "loan_restructured", params: { loanId: "3f0c5a7e-0000-4000-8000-000000000000" } };
    expect(renderNotification("en", legacy)).toBe("The repayment schedule of your loan has been restructured.");
    expect(renderNotification("id", legacy)).toBe("Jadwal pembayaran pinjaman Anda telah direstrukturisasi.");
  });
});

describe("scorecard reasons in the admin's language", () => {
  it("every reason the scorecard can write has words in en and id (fails when a new reason lacks them)", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.record({
          yearsOperating: fc.integer({ min: 0, max: 8 }),
          monthlyRevenue: fc.bigInt({ min: 0n, max: 500_000_000n }),
          monthlyExpenses: fc.bigInt({ min: 0n, max: 500_000_000n }),
          sector: fc.constantFrom(...SECTORS),
          otherPlatforms: fc.integer({ min: 0, max: 6 }),
          documents: fc.record({ bankStatements: fc.boolean(), businessLicence: fc.boolean(), id: fc.boolean() }),
          estimatedInstallment: fc.bigInt({ min: 1n, max: 100_000_000n }),
          repaymentHistory: fc.record({ loansRepaid: fc.nat(8), latePayments: fc.nat(8), defaults: fc.nat(3) }),
        }),
        (input) => {
          for (const f of scoreBreakdown(input)) {
            seen.add(f.reason);
            expect(SCORE_REASONS).toContain(f.reason);
          }
        },
      ),
      { numRuns: 2000 },
    );
    expect(seen.size).toBeGreaterThan(20);
    for (const locale of LOCALES) {
      const w = tr(locale, "words");
      for (const reason of SCORE_REASONS) {
        const text = reasonText(w, reason);
        expect(text.length).toBeGreaterThan(0);
        if (locale === "id") expect(text).not.toBe(reason);
      }
    }
    expect(reasonText(tr("id", "words"), "margin 30 % or more")).toBe("Margin 30% atau lebih");
    expect(reasonText(tr("en", "words"), "a reason added later")).toBe("a reason added later");
  });
});

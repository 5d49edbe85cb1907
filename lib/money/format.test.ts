import { describe, expect, it } from "vitest";
import {
  formatCompact,
  formatDate,
  formatDateTime,
  formatGrams,
  formatMonth,
  formatNumber,
  formatPercent,
  formatPpmPercent,
  formatRatioPercent,
  formatRupiah,
  formatterFor,
  formatTime,
  toDisplayLocale,
} from "./format";

const HUGE = "123456789012345678901234567890"; // far beyond Number.MAX_SAFE_INTEGER

describe("formatRupiah", () => {
  it("writes Rp without a space and groups per locale", () => {
    expect(formatRupiah(100_000n, "id")).toBe("Rp100.000");
    expect(formatRupiah(100_000n, "en")).toBe("Rp100,000");
    expect(formatRupiah(1_234_567n, "id")).toBe("Rp1.234.567");
    expect(formatRupiah(999n, "en")).toBe("Rp999");
  });
  it("zero", () => {
    expect(formatRupiah(0n, "id")).toBe("Rp0");
    expect(formatRupiah("0", "en")).toBe("Rp0");
  });
  it("negatives with a minus sign before Rp", () => {
    expect(formatRupiah(-100_000n, "id")).toBe("−Rp100.000");
    expect(formatRupiah(-2_500n, "en")).toBe("−Rp2,500");
    expect(formatRupiah("-500", "en")).toBe("−Rp500");
  });
  it("keeps every digit past 2^53 (bigint and the API's strings)", () => {
    expect(formatRupiah(9_007_199_254_740_993n, "en")).toBe("Rp9,007,199,254,740,993");
    expect(formatRupiah(HUGE, "id")).toBe("Rp123.456.789.012.345.678.901.234.567.890");
  });
  it("has no space of any kind (no NBSP, no narrow NBSP)", () => {
    for (const loc of ["en", "id"] as const) expect(formatRupiah(-1_000_000n, loc)).not.toMatch(/\s|\u00a0|\u202f/);
  });
  it("defaults to English", () => {
    expect(formatRupiah(1_000n)).toBe("Rp1,000");
  });
});

describe("formatNumber", () => {
  it("groups integers per locale", () => {
    expect(formatNumber(1_234_567, "id")).toBe("1.234.567");
    expect(formatNumber(1_234_567, "en")).toBe("1,234,567");
    expect(formatNumber(0, "id")).toBe("0");
    expect(formatNumber(-1_000n, "en")).toBe("−1,000");
    expect(formatNumber(HUGE, "en")).toBe("123,456,789,012,345,678,901,234,567,890");
  });
});

describe("formatPercent (basis points, exact)", () => {
  it("two decimals with the locale's separator", () => {
    expect(formatPercent(1350, "id")).toBe("13,50%");
    expect(formatPercent(1350, "en")).toBe("13.50%");
    expect(formatPercent(1355, "id")).toBe("13,55%");
    expect(formatPercent(1355, "en")).toBe("13.55%");
    expect(formatPercent(1, "id")).toBe("0,01%");
    expect(formatPercent(1400, "en")).toBe("14.00%");
  });
  it("zero, negatives, large and bigint values", () => {
    expect(formatPercent(0, "id")).toBe("0,00%");
    expect(formatPercent(-5, "en")).toBe("−0.05%");
    expect(formatPercent(-1355, "id")).toBe("−13,55%");
    expect(formatPercent(12_345_678n, "id")).toBe("123.456,78%");
    expect(formatPercent(HUGE, "en")).toBe("1,234,567,890,123,456,789,012,345,678.90%");
  });
  it("fewer fixed decimals and the digits alone", () => {
    expect(formatPercent(500, "en", { minFraction: 0 })).toBe("5%");
    expect(formatPercent(1250, "id", { minFraction: 0 })).toBe("12,5%");
    expect(formatPercent(1350, "id", { sign: false })).toBe("13,50");
  });
});

describe("formatPpmPercent (parts per million, exact)", () => {
  it("up to four decimals, at least two", () => {
    expect(formatPpmPercent(670, "id")).toBe("0,067%");
    expect(formatPpmPercent(670, "en")).toBe("0.067%");
    expect(formatPpmPercent(10_000, "en")).toBe("1.00%");
    expect(formatPpmPercent(1, "id")).toBe("0,0001%");
    expect(formatPpmPercent(0, "id")).toBe("0,00%");
    expect(formatPpmPercent(-670, "en")).toBe("−0.067%");
  });
});

describe("formatRatioPercent (a computed ratio)", () => {
  it("rounds to two decimals by default", () => {
    expect(formatRatioPercent(0.1234, "id")).toBe("12,34%");
    expect(formatRatioPercent(0.1234, "en")).toBe("12.34%");
    expect(formatRatioPercent(0.123456, "en")).toBe("12.35%");
    expect(formatRatioPercent(0, "id")).toBe("0,00%");
    expect(formatRatioPercent(-0.05, "en")).toBe("−5.00%");
    expect(formatRatioPercent(12.5, "id")).toBe("1.250,00%");
    expect(formatRatioPercent(0.5, "en", { fraction: 0 })).toBe("50%");
    expect(formatRatioPercent(Number.NaN, "en")).toBe("—");
  });
});

describe("formatGrams (units of 0.0001 g)", () => {
  it("four decimals per locale", () => {
    expect(formatGrams(12_345n, "id")).toBe("1,2345 g");
    expect(formatGrams(12_345n, "en")).toBe("1.2345 g");
    expect(formatGrams(0n, "id")).toBe("0,0000 g");
    expect(formatGrams(-5n, "en")).toBe("−0.0005 g");
    expect(formatGrams("12345678901", "id")).toBe("1.234.567,8901 g");
    expect(formatGrams(HUGE, "en")).toBe("12,345,678,901,234,567,890,123,456.7890 g");
  });
});

describe("dates (WIB)", () => {
  // 2026-12-02 07:05:09 WIB
  const at = new Date("2026-12-02T00:05:09Z");
  it("formatDate: day, month name, year", () => {
    expect(formatDate(at, "id")).toBe("2 Desember 2026");
    expect(formatDate(at, "en")).toBe("2 December 2026");
    expect(formatDate(at, "id", { month: "short" })).toBe("2 Des 2026");
    expect(formatDate(at, "en", { month: "short", year: false })).toBe("2 Dec");
  });
  it("formatDate: an instant late in the UTC day is the next WIB day", () => {
    expect(formatDate(new Date("2026-11-22T18:00:00Z"), "id")).toBe("23 November 2026");
    expect(formatDate("2026-11-22T18:00:00.000Z", "en")).toBe("23 November 2026");
  });
  it("formatDate: a calendar day string is that day, whatever the time zone", () => {
    expect(formatDate("2026-11-23", "id")).toBe("23 November 2026");
    expect(formatDate("2025-02-15", "en")).toBe("15 February 2025");
    expect(formatDate("2026-08-17", "id")).toBe("17 Agustus 2026");
  });
  it("formatTime and formatDateTime", () => {
    expect(formatTime(at, "id")).toBe("07.05");
    expect(formatTime(at, "en")).toBe("07:05");
    expect(formatTime(at, "en", { seconds: true })).toBe("07:05:09");
    expect(formatDateTime(at, "id")).toBe("2 Des 2026, 07.05 WIB");
    expect(formatDateTime(at, "en")).toBe("2 Dec 2026, 07:05 WIB");
    expect(formatDateTime("2026-12-02T07:30:00Z", "id", { seconds: true, month: "long" })).toBe("2 Desember 2026, 14.30.00 WIB");
  });
  it("formatMonth: month name and year", () => {
    expect(formatMonth("2026-12", "id")).toBe("Desember 2026");
    expect(formatMonth("2026-12", "en")).toBe("December 2026");
    expect(formatMonth("2026-05-31", "id")).toBe("Mei 2026");
    expect(formatMonth(new Date("2026-01-31T18:00:00Z"), "en")).toBe("February 2026");
    expect(formatMonth("2026-10", "id", { month: "short" })).toBe("Okt 2026");
  });
  it("refuses what is not a date", () => {
    expect(() => formatDate("soon", "en")).toThrow(RangeError);
  });
});

describe("formatCompact (chart axes)", () => {
  it("ribu/juta/miliar in Indonesian, K/M/B in English", () => {
    expect(formatCompact(1_200_000, "id")).toBe("1,2 jt");
    expect(formatCompact(1_200_000, "en")).toBe("1.2M");
    expect(formatCompact(3_400_000_000, "id")).toBe("3,4 M");
    expect(formatCompact(3_400_000_000, "en")).toBe("3.4B");
    expect(formatCompact(2_000_000_000_000n, "id")).toBe("2 T");
    expect(formatCompact(15_000, "id")).toBe("15 rb");
    expect(formatCompact(950, "en")).toBe("950");
    expect(formatCompact(0, "id")).toBe("0");
    expect(formatCompact(-1_500_000, "en")).toBe("−1.5M");
    expect(formatCompact(1_234_567, "id", { significant: 4 })).toBe("1,235 jt");
    expect(formatCompact(1_230_000, "en", { significant: 4 })).toBe("1.23M");
    expect(formatCompact(987_654, "en", { significant: 4 })).toBe("987.7K");
  });
});

describe("locale helpers", () => {
  it("toDisplayLocale", () => {
    expect(toDisplayLocale("id")).toBe("id");
    expect(toDisplayLocale("id-ID")).toBe("id");
    expect(toDisplayLocale("en-GB")).toBe("en");
    expect(toDisplayLocale(undefined)).toBe("en");
  });
  it("formatterFor binds every formatter to one locale", () => {
    const f = formatterFor("id");
    expect(f.rupiah(100_000n)).toBe("Rp100.000");
    expect(f.percent(1350)).toBe("13,50%");
    expect(f.ratioPercent(0.1234)).toBe("12,34%");
    expect(f.grams(12_345n)).toBe("1,2345 g");
    expect(f.date("2026-12-02")).toBe("2 Desember 2026");
    expect(f.month("2026-12")).toBe("Desember 2026");
    expect(formatterFor("en").date("2026-12-02")).toBe("2 December 2026");
  });
});

import { describe, expect, it } from "vitest";
import { formatRupiah } from "./format";

// Intl puts a no-break space between "Rp" and the digits; compare with plain spaces.
const plain = (s: string) => s.replace(/\s/g, " ");

describe("formatRupiah", () => {
  it("formats integer rupiah per locale without fractions", () => {
    expect(plain(formatRupiah(1_234_567n, "id"))).toBe("Rp 1.234.567");
    expect(plain(formatRupiah(1_234_567n, "en"))).toBe("Rp 1,234,567");
  });
  it("accepts the API's string amounts and keeps precision past 2^53", () => {
    expect(plain(formatRupiah("9007199254740993", "en"))).toBe("Rp 9,007,199,254,740,993");
  });
  it("shows negatives", () => {
    expect(plain(formatRupiah(-500n, "en"))).toBe("-Rp 500");
  });
});

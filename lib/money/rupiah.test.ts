import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ValidationFailed } from "@/lib/errors";
import { checkRupiah, explainAmountError, groupThousands, parseRupiah, RUPIAH_MAX, zRupiah } from "./rupiah";

describe("parseRupiah", () => {
  it("accepts bigint, safe integers and digit strings", () => {
    expect(parseRupiah(250_000n)).toBe(250_000n);
    expect(parseRupiah(250_000)).toBe(250_000n);
    expect(parseRupiah("250000")).toBe(250_000n);
    expect(parseRupiah(" 10000 ")).toBe(10_000n);
  });

  it.each([
    ["negative number", -5, "amountInvalid"],
    ["negative string", "-5", "amountInvalid"],
    ["negative bigint", -1n, "amountInvalid"],
    ["fraction", 10.5, "amountInvalid"],
    ["fraction string", "10.5", "amountInvalid"],
    ["thousands separators", "10.000", "amountInvalid"],
    ["exponent", "1e6", "amountInvalid"],
    ["exponent number past 2^53", 1e20, "amountInvalid"],
    ["NaN", Number.NaN, "amountInvalid"],
    ["Infinity", Number.POSITIVE_INFINITY, "amountInvalid"],
    ["words", "lots", "amountInvalid"],
    ["empty", "", "amountInvalid"],
    ["hex", "0x10", "amountInvalid"],
    ["null", null, "amountInvalid"],
    ["object", { amount: 5 }, "amountInvalid"],
    ["zero", 0, "amountTooSmall"],
    ["huge string", "9".repeat(19), "amountTooLarge"],
    ["absurdly long string", "9".repeat(5000), "amountInvalid"],
  ])("refuses %s with a field error", (_label, input, key) => {
    const err = (() => {
      try {
        parseRupiah(input);
      } catch (e) {
        return e;
      }
    })() as ValidationFailed;
    expect(err).toBeInstanceOf(ValidationFailed);
    expect(err.status).toBe(400);
    expect(err.fields).toEqual({ amount: key });
  });

  it("applies bounds with messages that name the limit", () => {
    expect(() => parseRupiah("9999", { min: 10_000n })).toThrow("at least Rp10.000");
    expect(() => parseRupiah("100000001", { max: 100_000_000n })).toThrow("at most Rp100.000.000");
    expect(parseRupiah(0, { min: 0n })).toBe(0n);
    expect(checkRupiah(RUPIAH_MAX)).toEqual({ ok: true, value: RUPIAH_MAX });
  });

  it("round-trips every amount within bounds through its string form", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: RUPIAH_MAX }), (n) => {
        expect(parseRupiah(n.toString())).toBe(n);
      }),
    );
  });
});

describe("zRupiah", () => {
  it("outputs bigint and reports translation keys", () => {
    const schema = zRupiah({ min: 10_000n, max: 100_000_000n });
    expect(schema.parse("50000")).toBe(50_000n);
    expect(schema.safeParse("5000").error?.issues[0]?.message).toBe("amountTooSmall");
    expect(schema.safeParse(true).error?.issues[0]?.message).toBe("amountInvalid");
  });

  it("explainAmountError gives a readable message", () => {
    const err = (() => {
      try {
        explainAmountError(() => parseRupiah("5", { min: 10_000n }), { min: 10_000n });
      } catch (e) {
        return e as ValidationFailed;
      }
    })();
    expect(err?.message).toBe("The amount must be at least Rp10.000.");
    expect(groupThousands(-1234567n)).toBe("-1.234.567");
  });
});

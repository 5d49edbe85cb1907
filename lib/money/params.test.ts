import { describe, expect, it } from "vitest";
import { bps, day, formatParam, formatParams, gold, idr, instant, MessageParamSchema, ppm } from "./params";

const norm = (s: string | number) => String(s).replace(/\s/g, " ");

describe("typed message params", () => {
  it("carry exact values, JSON-safe", () => {
    expect(idr(1_500_000n)).toEqual({ type: "idr", value: "1500000" });
    expect(idr("99999999999999999999")).toEqual({ type: "idr", value: "99999999999999999999" });
    expect(gold(12_345n)).toEqual({ type: "gold", value: "12345" });
    expect(day(new Date("2025-02-15T00:00:00Z"))).toEqual({ type: "day", value: "2025-02-15" });
    expect(day("2025-02-15")).toEqual({ type: "day", value: "2025-02-15" });
    expect(instant(new Date("2025-02-15T03:04:05Z"))).toEqual({ type: "instant", value: "2025-02-15T03:04:05.000Z" });
    expect(bps(1250n)).toEqual({ type: "bps", value: 1250 });
    expect(JSON.parse(JSON.stringify({ a: idr(5n) }))).toEqual({ a: { type: "idr", value: "5" } });
  });

  it("formats each type with one formatter per locale", () => {
    expect(norm(formatParam("en", idr(1_500_000n)))).toBe("Rp1,500,000");
    expect(norm(formatParam("id", idr(1_500_000n)))).toBe("Rp1.500.000");
    expect(formatParam("en", gold(12_345n))).toBe("1.2345 g");
    expect(formatParam("id", gold(12_345n))).toBe("1,2345 g");
    expect(formatParam("en", day("2025-02-15"))).toBe("15 February 2025");
    expect(formatParam("id", day("2025-02-15"))).toBe("15 Februari 2025");
    expect(formatParam("en", bps(1250))).toBe("12.50%");
    expect(formatParam("id", bps(1250))).toBe("12,50%");
    expect(formatParam("en", bps(1400))).toBe("14.00%");
    expect(formatParam("en", ppm(670))).toBe("0.067%");
    expect(formatParam("id", ppm(670))).toBe("0,067%");
    expect(formatParam("en", bps(-5))).toBe("−0.05%");
    expect(formatParam("en", "Budi")).toBe("Budi");
    expect(formatParam("en", 3)).toBe(3);
    expect(formatParam("en", null)).toBe("");
  });

  it("keeps plain strings (old rows with formatted text) and blanks malformed values", () => {
    expect(formatParams("id", { amount: "Rp1.500.000", n: 2, bad: { type: "idr", value: "1.5" }, odd: [1] })).toEqual({ amount: "Rp1.500.000", n: 2, bad: "", odd: "" });
    expect(MessageParamSchema.safeParse({ type: "idr", value: "12x" }).success).toBe(false);
    expect(MessageParamSchema.safeParse({ type: "day", value: "2025-2-1" }).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { toJsonSafe } from "./json";

describe("toJsonSafe", () => {
  it("sends bigint as strings and dates as ISO, deeply, without losing precision", () => {
    const out = toJsonSafe({ amount: 9_007_199_254_740_993n, at: new Date("2026-01-01T00:00:00Z"), items: [{ fee: 0n }], note: null, n: 1 });
    expect(out).toEqual({ amount: "9007199254740993", at: "2026-01-01T00:00:00.000Z", items: [{ fee: "0" }], note: null, n: 1 });
    expect(JSON.parse(JSON.stringify(out)).amount).toBe("9007199254740993");
  });
});

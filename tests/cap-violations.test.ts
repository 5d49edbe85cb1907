import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import id from "@/messages/id.json";
import { describeViolation, violationParams } from "@/lib/loans/internal/offer";
import type { CapViolation } from "@/lib/loans/caps";
import { toJsonSafe } from "@/lib/money/json";
import { formatParams, idr } from "@/lib/money/params";
import { capViolationTexts } from "@/components/wallet/use-messages";

/** A cap_exceeded error's details as the server action sends them (lib/loans/internal/offer.ts, toJsonSafe). */
const detailsOf = (violations: CapViolation[]) =>
  toJsonSafe({ violations: violations.map((v) => ({ code: v.code, message: describeViolation(v), params: violationParams(v) })) }) as Record<string, unknown>;

const violations: CapViolation[] = [
  { code: "daily_cost_exceeded", limitPpm: 3000n, actualPpm: 4100n, cost: 1_230_000n, tenorDays: 90 },
  { code: "total_cost_exceeded", limitPct: 100n, limit: 10_000_000n, actual: 12_500_000n },
  { code: "outstanding_exceeded", limit: 2_000_000_000n, actual: 2_100_000_000n },
];

describe("the admin offer form's cap_exceeded message (capViolationTexts)", () => {
  it("writes one sentence per broken cap, with its figures in the reader's language", () => {
    const tEn = createTranslator({ locale: "en", messages: en, namespace: "capViolations" });
    const tId = createTranslator({ locale: "id", messages: id, namespace: "capViolations" });
    const inEn = capViolationTexts(tEn as never, "en", detailsOf(violations), "x");
    const inId = capViolationTexts(tId as never, "id", detailsOf(violations), "x");
    expect(inEn).toHaveLength(3);
    expect(inEn[0]).toMatch(/0\.41% a day \(Rp\s?1,230,000 over 90 days\), above the cap of 0\.30%/);
    expect(inEn[1]).toMatch(/Rp\s?12,500,000, above the cap of Rp\s?10,000,000 \(100% of the principal\)/);
    expect(inEn[2]).toMatch(/Rp\s?2,100,000,000 across Lumbung, above the per-borrower cap of Rp\s?2,000,000,000/);
    expect(inId[0]).toMatch(/0,41% per hari \(Rp\s?1\.230\.000 selama 90 hari\), di atas batas 0,30%/);
    expect(inId[2]).toMatch(/Rp\s?2\.100\.000\.000/);
  });

  it("falls back to the server's sentence for a code it has no message for, and to the generic one without", () => {
    const tEn = createTranslator({ locale: "en", messages: en, namespace: "capViolations" });
    expect(capViolationTexts(tEn as never, "en", { violations: [{ code: "new_cap", message: "A new cap." }, {}] }, "Something went wrong.")).toEqual(["A new cap.", "Something went wrong."]);
    expect(capViolationTexts(tEn as never, "en", undefined, "x")).toEqual([]);
  });
});

describe("typed field-error details (validation.detailed)", () => {
  it("render the server's figures in the field's sentence: product minimum and tenor range", () => {
    const tEn = createTranslator({ locale: "en", messages: en, namespace: "validation" });
    const tId = createTranslator({ locale: "id", messages: id, namespace: "validation" });
    expect(tEn("detailed.amountTooSmall", formatParams("en", toJsonSafe({ min: idr(5_000_000n) }) as Record<string, unknown>))).toMatch(/at least Rp\s?5,000,000\.$/);
    expect(tId("detailed.amountTooSmall", formatParams("id", { min: idr(5_000_000n) }))).toMatch(/Rp\s?5\.000\.000/);
    expect(tEn("detailed.tenorRange", formatParams("en", { min: 3, max: 12, unit: "months" }))).toBe("Choose 3 to 12 months.");
    expect(tId("detailed.tenorRange", formatParams("id", { min: 30, max: 90, unit: "days" }))).toBe("Pilih 30 sampai 90 hari.");
  });
});

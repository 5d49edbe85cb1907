import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import id from "@/messages/id.json";
import { SKIP_REASONS } from "@/lib/autopurchase/schemas";
import { skipReasonText } from "./reason-text";

const tEn = createTranslator({ locale: "en", messages: en, namespace: "autoPurchase" });
const tId = createTranslator({ locale: "id", messages: id, namespace: "autoPurchase" });

describe("skipReasonText", () => {
  it("writes the reason with its figures in rupiah", () => {
    expect(skipReasonText(tEn as never, "balance", { available: "250000", needed: "1000000" }, "en")).toMatch(/^Not enough cash: Rp\s?250,000 available, Rp\s?1,000,000 needed$/);
    expect(skipReasonText(tId as never, "balance", { available: "250000", needed: "1000000" }, "id")).toMatch(/^Saldo tidak cukup: tersedia Rp\s?250\.000, dibutuhkan Rp\s?1\.000\.000$/);
    expect(skipReasonText(tEn as never, "exposure", { current: "5000000", cap: "5000000" }, "en")).toContain("cap Rp");
  });

  it("falls back to the plain reason when figures are missing or not amounts", () => {
    expect(skipReasonText(tEn as never, "budget", { used: "1" }, "en")).toBe("The strategy's budget is used up");
    expect(skipReasonText(tEn as never, "balance", { available: "abc", needed: "1" }, "en")).toBe("Not enough cash");
    expect(skipReasonText(tEn as never, "loan_full", {}, "en")).toBe("The loan was already fully funded");
    expect(skipReasonText(tEn as never, null, {}, "en")).toBe("");
  });

  it("has a sentence for every skip reason in both languages", async () => {
    for (const r of SKIP_REASONS) {
      expect(tEn.has(`reasons.${r}`), r).toBe(true);
      expect(tId.has(`reasons.${r}`), r).toBe(true);
    }
  });
});

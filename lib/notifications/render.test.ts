import { describe, expect, it } from "vitest";
import { bps, day, gold, idr } from "@/lib/money/params";
import { renderNotification } from "./render";

const norm = (s: string) => s.replace(/\s/g, " ");

describe("renderNotification", () => {
  it("renders typed params in English and Bahasa Indonesia", () => {
    const n = { kind: "loan_disbursed", params: { amount: idr(4_900_000n), dueDate: day("2025-03-01") } };
    expect(norm(renderNotification("en", n))).toBe("Rp4,900,000 from your loan is in your wallet. Your first installment is due on 1 March 2025.");
    expect(norm(renderNotification("id", n))).toBe("Rp4.900.000 dari pinjaman Anda sudah masuk ke dompet. Cicilan pertama jatuh tempo pada 1 Maret 2025.");
    const approved = { kind: "application_approved", params: { grade: "B2", rate: bps(1450) } };
    expect(renderNotification("en", approved)).toBe("Your loan application was approved at grade B2, 14.50% a year. It is now listed for lenders.");
    expect(renderNotification("id", approved)).toContain("14,50% per tahun");
    const cancelled = { kind: "gold_withdrawal_cancelled_by_you", params: { quantity: 2, barGrams: 5, grams: gold(100_000n), reason: "" } };
    expect(renderNotification("en", cancelled)).toBe("You cancelled your request for 2 × 5 g gold bars. The 10.0000 g and the fee are back in your account.");
    expect(renderNotification("id", cancelled)).toContain("10,0000 g dan biayanya");
    expect(norm(renderNotification("id", { kind: "gold_price_alert_buy", params: { price: idr(1_000_000n), threshold: idr(1_050_000n) } }))).toBe(
      "Harga beli emas kini Rp1.000.000 per gram, di bawah atau sama dengan peringatan Anda Rp1.050.000.",
    );
    expect(renderNotification("en", { kind: "kycRejected", params: { count: 2 } })).toContain("2 steps");
  });

  it("keeps rendering rows stored before typed params", () => {
    expect(renderNotification("en", { kind: "loan_funded", params: { amount: "Rp5.000.000" } })).toBe(
      "Your loan of Rp5.000.000 is fully funded. Accept the loan agreement to receive the money.",
    );
    expect(renderNotification("en", { kind: "installment_due_soon", params: { number: 1, amount: "Rp1.000.000", dueDate: "2025-02-15" } })).toBe(
      "Installment 1 of Rp1.000.000 is due on 15 February 2025.",
    );
    expect(renderNotification("id", { kind: "gold_withdrawal_cancelled", params: { quantity: 1, barGrams: 2, grams: "2", reason: "stok habis" } })).toContain(
      "2,0000 g dan biayanya",
    );
  });

  it("falls back to the kind for unknown kinds or missing params, without throwing", () => {
    expect(renderNotification("en", { kind: "no_such_kind" })).toBe("no_such_kind");
    expect(renderNotification("en", { kind: "loan_funded", params: null })).toBe("loan_funded");
  });
});

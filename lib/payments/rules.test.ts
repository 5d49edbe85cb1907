import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import id from "@/messages/id.json";
import { BANK_CHANNELS, bankSteps } from "./rules";
import { BANK_CODES } from "./schemas";
import { settledStatus, topUpReturnPath } from "./rules";
import { safeCallbackUrl } from "@/lib/auth/schemas";

function lookup(messages: Record<string, unknown>, path: string): unknown {
  return path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

describe("bank steps", () => {
  it("has every step and every bank's menu for ATM, mobile and internet banking in both languages", () => {
    for (const bank of BANK_CODES) {
      for (const channel of BANK_CHANNELS) {
        const steps = bankSteps(bank, channel, { vaNumber: "8808123456789012", amount: "Rp100.000" });
        expect(steps.length).toBeGreaterThanOrEqual(4);
        for (const messages of [en, id]) {
          for (const step of steps) {
            expect(typeof lookup(messages.topUpHelp, step.key), `${bank} ${channel} ${step.key}`).toBe("string");
            if (step.values.menuKey) expect(typeof lookup(messages.topUpHelp, step.values.menuKey), step.values.menuKey).toBe("string");
          }
        }
        expect(steps.some((s) => s.values.va === "8808123456789012")).toBe(true);
        expect(steps.some((s) => s.values.amount === "Rp100.000")).toBe(true);
      }
    }
  });

  it("names the bank's own app for mobile and internet banking", () => {
    expect(bankSteps("BRI", "mobile", { vaNumber: "1", amount: "x" })[0]).toEqual({ key: "steps.mobileStart", values: { app: "BRImo" } });
    expect(bankSteps("BCA", "internet", { vaNumber: "1", amount: "x" })[0]?.values.app).toBe("KlikBCA");
    expect(bankSteps("MANDIRI", "atm", { vaNumber: "1", amount: "x" })[0]).toEqual({ key: "steps.atmStart", values: { bank: "MANDIRI" } });
  });
});

describe("top-up status on return", () => {
  it("a settled status wins over a pending one, whichever arrives last", () => {
    expect(settledStatus("pending", "paid")).toBe("paid");
    expect(settledStatus("paid", "pending")).toBe("paid");
    expect(settledStatus("expired", "pending")).toBe("expired");
    expect(settledStatus(undefined, "pending")).toBe("pending");
    expect(settledStatus("pending", "pending")).toBe("pending");
    // Paid after the client thought it expired (the webhook landed at the last moment): paid is the truth.
    expect(settledStatus("expired", "paid")).toBe("paid");
  });

  it("the gateway returns to the top-up page marked as a return, and the redirect check keeps the mark", () => {
    const path = topUpReturnPath("lender", "0b7c1f2e-1111-4222-8333-444455556666");
    expect(path).toBe("/lender/wallet/topups/0b7c1f2e-1111-4222-8333-444455556666?returned=1");
    expect(safeCallbackUrl(path, "/")).toBe(path);
  });
});

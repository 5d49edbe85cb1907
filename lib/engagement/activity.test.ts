import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import id from "@/messages/id.json";
import { ACTIVITY_EVENT_NAMES, ACTIVITY_PARAMS, HIDDEN_FROM_ACTIVITY, activityParams, isActivityEvent } from "./activity";
import { CLIENT_EVENT_NAMES, SERVER_EVENT_NAMES } from "./event-names";

const catalogues = { en: en.activity, id: id.activity } as const;
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]!))].sort();

describe("recent activity sentences", () => {
  it("every event of the catalogue a user can see has a sentence in English and Bahasa Indonesia", () => {
    const visible = [...SERVER_EVENT_NAMES, ...CLIENT_EVENT_NAMES].filter((n) => !HIDDEN_FROM_ACTIVITY.includes(n));
    expect([...ACTIVITY_EVENT_NAMES].sort()).toEqual(visible.sort());
    for (const [lang, messages] of Object.entries(catalogues)) {
      const names = messages.names as Record<string, string>;
      const missing = ACTIVITY_EVENT_NAMES.filter((n) => typeof names[n] !== "string" || names[n]!.trim() === "" || names[n] === n);
      expect(missing, `events without a sentence in messages/${lang}.json activity.names`).toEqual([]);
    }
  });

  it("every sentence with figures exists in both languages and uses exactly its parameters", () => {
    for (const [name, spec] of Object.entries(ACTIVITY_PARAMS)) {
      expect(isActivityEvent(name), name).toBe(true);
      for (const [lang, messages] of Object.entries(catalogues)) {
        const text = (messages.details as Record<string, string>)[name];
        expect(typeof text, `activity.details.${name} in messages/${lang}.json`).toBe("string");
        expect(placeholders(text!), `${lang}: ${name}`).toEqual(Object.keys(spec!).sort());
      }
    }
  });

  it("takes typed figures from the stored properties and falls back to the plain sentence when one is missing", () => {
    expect(activityParams("gold_bought", { units: "12345", rupiah: "1500000", tradeId: "t" })).toEqual({ grams: { type: "gold", value: "12345" }, amount: { type: "idr", value: "1500000" } });
    expect(activityParams("installment_late", { number: 2, owed: "8900000" })).toEqual({ number: 2, amount: { type: "idr", value: "8900000" } });
    expect(activityParams("installment_late", { number: 2 })).toBeNull();
    expect(activityParams("topup_paid", { amount: "Rp 1.000" })).toBeNull();
    expect(activityParams("user_signed_in", {})).toBeNull();
    expect(activityParams("topup_paid", null)).toBeNull();
  });

  it("leaves browser measurement events out of the list", () => {
    for (const n of ["page_viewed", "cta_clicked", "gold_price_viewed"]) expect(isActivityEvent(n)).toBe(false);
  });
});

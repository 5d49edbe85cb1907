import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { z } from "zod";
import { roleEnum, localeEnum, loanStatusEnum, documentKindEnum, tenorUnitEnum, topUpMethodEnum } from "@/db/schema";
import { AUTO_PURCHASE_SKIP_REASONS as DB_SKIP_REASONS } from "@/db/schema/autopurchase";
import { LOCALES } from "@/lib/auth/schemas";
import { SKIP_REASONS } from "@/lib/autopurchase/schemas";
import { GOLD_ALERT_KINDS, GOLD_FREQUENCIES, GOLD_TRADE_MODES, GOLD_WITHDRAWAL_STATUSES } from "@/lib/gold/schemas";
import { KYC_STEPS } from "@/lib/kyc/schemas";
import { RISK_QUESTIONS } from "@/lib/lending/schemas";
import { SUBGRADES } from "@/lib/loans/grades";
import { APPLICATION_STEPS, DOCUMENT_KINDS, PRODUCT_TENOR_UNITS } from "@/lib/loans/schemas";
import { TOPUP_METHODS } from "@/lib/payments/schemas";
import { ACTIVITY_PARAMS } from "./activity";
import {
  CLIENT_EVENT_NAMES,
  EVENT_NAMES,
  EVENT_SCHEMAS,
  SERVER_EVENT_NAMES,
  checkEventProperties,
  eventProperties,
  isClientEventName,
  isEventName,
  type PropertyKind,
} from "./event-names";
import * as E from "./events/catalogue/enums";

const KINDS: PropertyKind[] = ["string", "enum", "number", "money", "gold", "bps", "boolean", "instant", "day"];
const UUID = "3f1e2d4c-5b6a-4789-8abc-def012345678";

describe("event catalogue", () => {
  it("has a strict schema for every event name and no schema without a name", () => {
    expect(Object.keys(EVENT_SCHEMAS).sort()).toEqual([...EVENT_NAMES].sort());
    expect(new Set(EVENT_NAMES).size).toBe(SERVER_EVENT_NAMES.length + CLIENT_EVENT_NAMES.length);
    for (const name of EVENT_NAMES) {
      expect(isEventName(name)).toBe(true);
      expect(EVENT_SCHEMAS[name]).toBeInstanceOf(z.ZodObject);
      // Every property is described with a known kind (a helper was used for each).
      for (const p of eventProperties(name)) expect(KINDS, `${name}.${p.key}`).toContain(p.kind);
    }
    expect(isEventName("made_up")).toBe(false);
    expect(isEventName("toString")).toBe(false);
    expect(isClientEventName("page_viewed")).toBe(true);
    expect(isClientEventName("topup_paid")).toBe(false);
  });

  it("lists an event's properties with their kinds, enum values and optionality", () => {
    expect(eventProperties("topup_paid")).toEqual([
      { key: "topUpId", kind: "string", optional: false },
      { key: "amount", kind: "money", optional: false },
      { key: "method", kind: "enum", values: ["va", "qris"], optional: false },
      { key: "bank", kind: "string", optional: true },
    ]);
    const gold = Object.fromEntries(eventProperties("gold_bought").map((p) => [p.key, p]));
    expect(gold.units?.kind).toBe("gold");
    expect(gold.priceChange7dBps).toEqual({ key: "priceChange7dBps", kind: "bps", optional: true });
    expect(gold.pricedAt).toEqual({ key: "pricedAt", kind: "instant", optional: true });
    expect(eventProperties("installment_late").find((p) => p.key === "day")?.kind).toBe("day");
    expect(eventProperties("kyc_rejected").find((p) => p.key === "steps")).toEqual({ key: "steps", kind: "enum", values: [...KYC_STEPS], optional: false, list: true });
    expect(eventProperties("gold_settings_updated").map((p) => p.key)).toContain("before.withdrawalFees.*");
    expect(eventProperties("user_signed_out")).toEqual([]);
    expect(eventProperties("made_up")).toEqual([]);
  });

  it("accepts what track stores and refuses an unknown property, a wrong type, a missing one or a float for money", () => {
    const ok = { topUpId: UUID, amount: "1500000", method: "va", bank: "BCA" };
    expect(checkEventProperties("topup_paid", ok)).toEqual([]);
    expect(checkEventProperties("topup_paid", { ...ok, bank: null })).toEqual([]);
    expect(checkEventProperties("topup_paid", { ...ok, extra: 1 })).toEqual([{ path: "", message: "unknown properties extra" }]);
    expect(checkEventProperties("topup_paid", { ...ok, amount: 1500000 })[0]?.path).toBe("amount");
    expect(checkEventProperties("topup_paid", { ...ok, amount: "1500000.5" })[0]?.path).toBe("amount");
    expect(checkEventProperties("topup_paid", { ...ok, method: "cash" })[0]?.path).toBe("method");
    const { topUpId: _omit, ...missing } = ok;
    expect(checkEventProperties("topup_paid", missing)[0]?.path).toBe("topUpId");
    expect(checkEventProperties("made_up", {})).toHaveLength(1);
    expect(checkEventProperties("installment_late", { loanId: UUID, number: 2, day: "2026-12-03", owed: "10" })).toEqual([]);
    expect(checkEventProperties("installment_late", { loanId: UUID, number: 2, day: "03/12/2026", owed: "10" })[0]?.path).toBe("day");
    expect(checkEventProperties("installment_due_soon", { loanId: UUID, number: 1, dueDate: "2026-12-03T17:00:00.000Z", owed: "10" })).toEqual([]);
    expect(checkEventProperties("page_viewed", { path: "/x".repeat(300) })[0]?.path).toBe("path");
  });

  it("money and gold properties take any whole decimal (what a bigint becomes) and nothing else", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (v) => {
        expect(checkEventProperties("loan_repaid", { loanId: UUID, principal: v.toString() })).toEqual([]);
        expect(checkEventProperties("loan_repaid", { loanId: UUID, principal: Number(v) })).not.toEqual([]);
      }),
    );
  });

  it("copies each enum's values from the domain that owns them", () => {
    expect(E.ROLES).toEqual(roleEnum.enumValues);
    expect(E.LOCALES).toEqual(LOCALES);
    expect(E.LOCALES).toEqual(localeEnum.enumValues);
    expect(E.TOPUP_METHODS).toEqual(TOPUP_METHODS);
    expect(E.TOPUP_METHODS).toEqual(topUpMethodEnum.enumValues);
    expect(E.KYC_STEPS).toEqual(KYC_STEPS);
    expect(E.RISK_QUESTION_IDS).toEqual(RISK_QUESTIONS.map((q) => q.id));
    expect(E.APPLICATION_STEPS).toEqual(APPLICATION_STEPS);
    expect(E.DOCUMENT_KINDS).toEqual(DOCUMENT_KINDS);
    expect(E.DOCUMENT_KINDS).toEqual(documentKindEnum.enumValues);
    expect(E.TENOR_UNITS).toEqual(PRODUCT_TENOR_UNITS);
    expect(E.TENOR_UNITS).toEqual(tenorUnitEnum.enumValues);
    expect(E.LOAN_STATUSES).toEqual(loanStatusEnum.enumValues);
    expect(E.SUBGRADES).toEqual(SUBGRADES);
    expect(E.GOLD_TRADE_MODES).toEqual(GOLD_TRADE_MODES);
    expect(E.GOLD_FREQUENCIES).toEqual(GOLD_FREQUENCIES);
    expect(E.GOLD_ALERT_KINDS).toEqual(GOLD_ALERT_KINDS);
    expect(E.GOLD_WITHDRAWAL_STATUSES).toEqual(GOLD_WITHDRAWAL_STATUSES);
    expect(E.AUTO_PURCHASE_SKIP_REASONS).toEqual(SKIP_REASONS);
    expect(E.AUTO_PURCHASE_SKIP_REASONS).toEqual(DB_SKIP_REASONS);
  });

  it("types every figure of a Recent activity sentence as money, gold or a number", () => {
    const expected = { idr: "money", gold: "gold", count: "number" } as const;
    for (const [name, spec] of Object.entries(ACTIVITY_PARAMS)) {
      const props = eventProperties(name);
      for (const [prop, type] of Object.values(spec!)) expect(props.find((p) => p.key === prop)?.kind, `${name}.${prop}`).toBe(expected[type]);
    }
  });
});

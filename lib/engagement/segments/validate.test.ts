import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROFILE_FIELDS } from "../profiles/fields";
import { compileSegment } from "./compile";
import { FIELD_OPS, MAX_RULE_DEPTH } from "./definition";
import { evaluateRule } from "./evaluate";
import { RULE_ERROR_KEYS, validateRule } from "./validate";

const SEG = "7c0d5d8e-3f5b-4d3a-9a51-2f8b1c9d0e11";
const top = (...rules: unknown[]) => ({ type: "group", op: "and", rules });
const issuesOf = (input: unknown) => {
  const r = validateRule(input);
  return r.ok ? [] : r.issues.map((i) => `${i.path}:${i.key}`);
};

describe("validateRule", () => {
  it("accepts a complete rule and returns it parsed (defaults filled)", () => {
    const r = validateRule(top({ type: "property", field: "city", op: "eq", value: "Jakarta" }, { type: "event", event: "topup_paid", op: "at_least", count: 1, withinDays: 7 }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.rule.rules[1]).toMatchObject({ where: [] });
  });

  it.each([
    ["empty top group", top(), ["rules:groupEmpty"]],
    ["empty nested group", top({ type: "group", op: "or", rules: [] }), ["rules.0.rules:groupEmpty"]],
    ["not a group at the top", { type: "property" }, ["type:invalid"]],
    ["group without an op", { type: "group", rules: [{ type: "segment", segmentId: SEG, op: "in" }] }, ["op:opRequired"]],
    ["unknown condition type", top({ type: "magic" }), ["rules.0.type:conditionType"]],
    ["no field", top({ type: "property", op: "eq", value: "x" }), ["rules.0.field:fieldRequired"]],
    ["no op", top({ type: "property", field: "city", value: "x" }), ["rules.0.op:opRequired"]],
    ["op not for the kind", top({ type: "property", field: "city", op: "gte", value: "x" }), ["rules.0.op:opNotForKind"]],
    ["relative op on a number", top({ type: "property", field: "investmentsCount", op: "in_next_days", value: 3 }), ["rules.0.op:opNotForKind"]],
    ["is_true on a string", top({ type: "property", field: "city", op: "is_true" }), ["rules.0.op:opNotForKind"]],
    ["value missing", top({ type: "property", field: "city", op: "eq" }), ["rules.0.value:valueRequired"]],
    ["empty string value", top({ type: "property", field: "city", op: "contains", value: "" }), ["rules.0.value:valueRequired"]],
    ["number expected", top({ type: "property", field: "cashBalance", op: "gte", value: "a lot" }), ["rules.0.value:valueType"]],
    ["money must be whole", top({ type: "property", field: "cashBalance", op: "gte", value: "10.5" }), ["rules.0.value:valueType"]],
    ["no exponent forms", top({ type: "property", field: "investmentsCount", op: "gte", value: "1e3" }), ["rules.0.value:valueType"]],
    ["day expected", top({ type: "property", field: "nextDueDate", op: "eq", value: "2026-02-30" }), ["rules.0.value:valueType"]],
    ["instant needs an offset", top({ type: "property", field: "signedUpAt", op: "gte", value: "2026-01-01T00:00" }), ["rules.0.value:valueType"]],
    ["boolean expected", top({ type: "property", field: "autoPurchaseOn", op: "eq", value: "yes" }), ["rules.0.value:valueType"]],
    ["a list where one value is expected", top({ type: "property", field: "city", op: "eq", value: ["a"] }), ["rules.0.value:valueType"]],
    ["enum value not allowed", top({ type: "property", field: "role", op: "eq", value: "admin" }), ["rules.0.value:valueNotAllowed"]],
    ["enum list item not allowed", top({ type: "property", field: "role", op: "in", value: ["lender", "x"] }), ["rules.0.value.1:valueNotAllowed"]],
    ["array item not allowed", top({ type: "property", field: "personas", op: "contains", value: "pirate" }), ["rules.0.value:valueNotAllowed"]],
    ["in needs a list", top({ type: "property", field: "city", op: "in", value: "Bandung" }), ["rules.0.value:listRequired"]],
    ["in needs a non-empty list", top({ type: "property", field: "city", op: "not_in", value: [] }), ["rules.0.value:listRequired"]],
    ["between needs a pair", top({ type: "property", field: "cashBalance", op: "between", value: [1] }), ["rules.0.value:pairRequired"]],
    ["between needs both ends", top({ type: "property", field: "cashBalance", op: "between", value: [1, ""] }), ["rules.0.value.1:valueRequired"]],
    ["between in order", top({ type: "property", field: "cashBalance", op: "between", value: ["10", 9] }), ["rules.0.value:rangeOrder"]],
    ["days missing", top({ type: "property", field: "signedUpAt", op: "more_than_days_ago" }), ["rules.0.value:daysRequired"]],
    ["days as text", top({ type: "property", field: "signedUpAt", op: "more_than_days_ago", value: "7" }), ["rules.0.value:daysRequired"]],
    ["days whole", top({ type: "property", field: "signedUpAt", op: "more_than_days_ago", value: 1.5 }), ["rules.0.value:daysWhole"]],
    ["days not negative", top({ type: "property", field: "nextDueDate", op: "in_next_days", value: -1 }), ["rules.0.value:daysMin"]],
    ["days at most 3650", top({ type: "property", field: "nextDueDate", op: "in_next_days", value: 4000 }), ["rules.0.value:daysMax"]],
    ["count missing", top({ type: "event", event: "topup_paid", op: "at_least" }), ["rules.0.count:countRequired"]],
    ["count whole", top({ type: "event", event: "topup_paid", op: "at_least", count: 1.5 }), ["rules.0.count:countWhole"]],
    ["window days", top({ type: "event", event: "topup_paid", op: "at_least", count: 1, withinDays: -3 }), ["rules.0.withinDays:daysMin"]],
    ["event missing", top({ type: "event", event: "", op: "at_least", count: 1 }), ["rules.0.event:eventRequired"]],
    ["unknown event", top({ type: "event", event: "teleported", op: "at_least", count: 1 }), ["rules.0.event:eventUnknown"]],
    ["unknown follow-up event", top({ type: "event_not_followed", event: "topup_paid", thenEvent: "nope", withinDays: 1 }), ["rules.0.thenEvent:eventUnknown"]],
    ["first or last", top({ type: "event_time", which: "middle", event: "topup_paid", op: "more_than_days_ago", days: 1 }), ["rules.0.which:whichRequired"]],
    ["filter property missing", top({ type: "event", event: "topup_paid", op: "at_least", count: 1, where: [{ property: "", op: "eq", value: "1" }] }), ["rules.0.where.0.property:propertyRequired"]],
    ["filter value missing", top({ type: "event", event: "topup_paid", op: "at_least", count: 1, where: [{ property: "amount", op: "gte" }] }), ["rules.0.where.0.value:valueRequired"]],
    ["filter in needs a list", top({ type: "event", event: "topup_paid", op: "at_least", count: 1, where: [{ property: "amount", op: "in", value: "1" }] }), ["rules.0.where.0.value:listRequired"]],
    ["then-filter checked too", top({ type: "event_not_followed", event: "topup_paid", thenEvent: "loan_invested", withinDays: 1, thenWhere: [{ property: "amount", op: "lt" }] }), ["rules.0.thenWhere.0.value:valueRequired"]],
    ["segment id", top({ type: "segment", segmentId: "seg-1", op: "in" }), ["rules.0.segmentId:segmentRequired"]],
  ])("%s", (_, input, expected) => expect(issuesOf(input)).toEqual(expected));

  it("reports every incomplete condition at once, nested paths included", () => {
    const input = top(
      { type: "property", field: "city", op: "eq" },
      { type: "group", op: "or", rules: [{ type: "property", field: "city", op: "eq", value: "x" }, { type: "property", field: "role" }, { type: "group", op: "and", rules: [] }] },
      { type: "event", event: "teleported", op: "at_least", count: 1 },
    );
    expect(issuesOf(input)).toEqual(["rules.0.value:valueRequired", "rules.1.rules.1.op:opRequired", "rules.1.rules.2.rules:groupEmpty", "rules.2.event:eventUnknown"]);
  });

  it("refuses nesting deeper than MAX_RULE_DEPTH", () => {
    const leaf = { type: "segment", segmentId: SEG, op: "in" };
    const nest = (depth: number): unknown => (depth === 1 ? top(leaf) : top(nest(depth - 1)));
    expect(validateRule(nest(MAX_RULE_DEPTH)).ok).toBe(true);
    const path = Array.from({ length: MAX_RULE_DEPTH }, () => "rules.0").join(".");
    expect(issuesOf(nest(MAX_RULE_DEPTH + 1))).toEqual([`${path}:depthExceeded`]);
  });

  it("refuses a filter on a property the event does not have (catalogue)", () => {
    expect(issuesOf(top({ type: "event", event: "topup_paid", op: "at_least", count: 1, where: [{ property: "no_such_property", op: "eq", value: "1" }] }))).toEqual([
      "rules.0.where.0.property:propertyUnknown",
    ]);
  });

  it("refuses a filter on a map's keys (the catalogue's \"key.*\")", () => {
    expect(issuesOf(top({ type: "event", event: "gold_settings_updated", op: "at_least", count: 1, where: [{ property: "withdrawalFees.*", op: "gte", value: "1" }] }))).toEqual([
      "rules.0.where.0.property:propertyNotFilterable",
    ]);
  });

  it("list properties take contains (an allowed item) and is_set only", () => {
    const on = (filter: unknown) => issuesOf(top({ type: "event", event: "kyc_rejected", op: "at_least", count: 1, where: [filter] }));
    expect(on({ property: "steps", op: "contains", value: "selfie" })).toEqual([]);
    expect(on({ property: "steps", op: "is_set" })).toEqual([]);
    expect(on({ property: "steps", op: "eq", value: "selfie" })).toEqual(["rules.0.where.0.op:opNotForKind"]);
    expect(on({ property: "steps", op: "contains", value: "pirate" })).toEqual(["rules.0.where.0.value:valueNotAllowed"]);
  });

  it("keys are unique", () => expect(new Set(RULE_ERROR_KEYS).size).toBe(RULE_ERROR_KEYS.length));
});

// Loose generators: mostly well-formed trees with random (often wrong) operators and values.
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom("", "x", "Jakarta", "lender", "investor", "2026-12-01", "2026-12-01T00:00:00Z", "100", "-3.5", "1e3", "true", "%_\\"),
  fc.integer({ min: -5, max: 5000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.array(fc.constantFrom("lender", "borrower", "1", "x", "2026-01-01"), { maxLength: 3 }),
  fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })),
);
const filter = fc.record({ property: fc.constantFrom("amount", "method", "", "paidAt"), op: fc.constantFrom("eq", "neq", "in", "gte", "lte", "gt", "lt", "contains", "is_set", "bad"), value: anyValue });
const condition = fc.oneof(
  fc.record({ type: fc.constant("property"), field: fc.constantFrom(...PROFILE_FIELDS.map((f) => f.key), "nope"), op: fc.constantFrom(...FIELD_OPS), value: anyValue }),
  fc.record({ type: fc.constant("event"), event: fc.constantFrom("topup_paid", "nope"), op: fc.constantFrom("at_least", "at_most", "exactly"), count: fc.integer({ min: -1, max: 3 }), withinDays: fc.option(fc.integer({ min: -1, max: 30 }), { nil: undefined }), where: fc.array(filter, { maxLength: 2 }) }),
  fc.record({ type: fc.constant("event_not_followed"), event: fc.constant("topup_paid"), thenEvent: fc.constant("loan_invested"), withinDays: fc.integer({ min: 0, max: 5 }), where: fc.array(filter, { maxLength: 1 }), thenWhere: fc.array(filter, { maxLength: 1 }) }),
  fc.record({ type: fc.constant("event_time"), which: fc.constantFrom("first", "last"), event: fc.constant("topup_paid"), op: fc.constantFrom("more_than_days_ago", "less_than_days_ago"), days: fc.integer({ min: 0, max: 9 }), where: fc.array(filter, { maxLength: 1 }) }),
  fc.record({ type: fc.constant("segment"), segmentId: fc.constantFrom(SEG, "x"), op: fc.constantFrom("in", "not_in") }),
);
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, condition, tie("group")),
  group: fc.record({ type: fc.constant("group"), op: fc.constantFrom("and", "or"), rules: fc.array(tie("node"), { maxLength: 3 }) }),
})).group;

describe("validateRule on arbitrary input", () => {
  it("never throws, answers only listed keys, and whatever it accepts compiles and evaluates", () => {
    const keys = new Set<string>(RULE_ERROR_KEYS);
    const now = new Date("2026-12-01T00:00:00Z");
    const empty = { users: [{ id: "u", role: "lender" }], profiles: [], events: [], members: [] };
    fc.assert(
      fc.property(fc.oneof(tree, fc.anything()), (input) => {
        const r = validateRule(input);
        if (!r.ok) {
          expect(r.issues.length).toBeGreaterThan(0);
          for (const i of r.issues) expect(keys.has(i.key), `${i.path}:${i.key}`).toBe(true);
          return;
        }
        compileSegment(r.rule, { now });
        evaluateRule(r.rule, empty, now);
      }),
      { numRuns: 2000 },
    );
  });
});

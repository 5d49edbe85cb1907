import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyCondition, gramsText, issuesFromFields, issuesOf, parseGrams, parseRupiah, parseWhole, removeAt, toRule, updateAt, withField, withKeys, withOp, type Group } from "./rule-model";

const tree = (): Group =>
  withKeys({
    type: "group",
    op: "and",
    rules: [
      { type: "property", field: "city", op: "contains", value: "Jakarta" },
      { type: "group", op: "or", rules: [{ type: "event", event: "topup_paid", op: "at_least", count: 1, where: [] }] },
    ],
  }) as Group;

describe("rule model", () => {
  it("drops React keys, empty selects and the filters' type before validation", () => {
    const t = updateAt(tree(), [1, 0], (c) => ({ ...c, where: [{ _k: "f", type: "filter", property: "amount", op: "gte", value: "1000000" }], op: "" }));
    expect(toRule(t)).toEqual({
      type: "group",
      op: "and",
      rules: [
        { type: "property", field: "city", op: "contains", value: "Jakarta" },
        { type: "group", op: "or", rules: [{ type: "event", event: "topup_paid", count: 1, where: [{ property: "amount", op: "gte", value: "1000000" }] }] },
      ],
    });
  });

  it("updates and removes nodes by path without touching the others", () => {
    const t = tree();
    const added = updateAt(t, [1], (g) => ({ ...g, rules: [...(g as Group).rules, emptyCondition("segment")] }));
    expect((added.rules[1] as Group).rules).toHaveLength(2);
    expect(added.rules[0]).toBe(t.rules[0]);
    const removed = removeAt(added, [1, 0]);
    expect((removed.rules[1] as Group).rules.map((r) => r.type)).toEqual(["segment"]);
    expect(removeAt(t, [0]).rules.map((r) => r.type)).toEqual(["group"]);
  });

  it("gives each node its own issues: a group its own, not its children's", () => {
    const issues = [
      { path: "rules.0.value", key: "valueRequired" },
      { path: "rules.1.rules", key: "groupEmpty" },
      { path: "rules.1.rules.0.count", key: "countRequired" },
      { path: "rules.1.rules.0.where.0.value", key: "valueRequired" },
      { path: "rules.10.op", key: "opRequired" },
      { path: "", key: "invalid" },
    ];
    expect(issuesOf(issues, [0], false)).toEqual([{ rest: "value", key: "valueRequired" }]);
    expect(issuesOf(issues, [1], true)).toEqual([{ rest: "rules", key: "groupEmpty" }]);
    expect(issuesOf(issues, [1, 0], false)).toEqual([
      { rest: "count", key: "countRequired" },
      { rest: "where.0.value", key: "valueRequired" },
    ]);
    expect(issuesOf(issues, [], true)).toEqual([{ rest: "", key: "invalid" }]);
    expect(issuesFromFields({ name: "nameRequired", "rule.rules.0.segmentId": "segmentCycle", rule: "groupEmpty" })).toEqual([
      { path: "rules.0.segmentId", key: "segmentCycle" },
      { path: "", key: "groupEmpty" },
    ]);
  });

  it("a new field keeps an operator that still applies and clears the value; a new operator of another shape clears it", () => {
    const c = { _k: "a", type: "property", field: "city", op: "contains", value: "Jakarta" };
    expect(withField(c, "province")).toEqual({ _k: "a", type: "property", field: "province", op: "contains" });
    expect(withField(c, "accountValue")).toEqual({ _k: "a", type: "property", field: "accountValue", op: "eq" });
    expect(withOp({ ...c, op: "eq" }, "neq")).toMatchObject({ value: "Jakarta" });
    expect(withOp(c, "in")).not.toHaveProperty("value");
  });

  it("parses typed values exactly", () => {
    expect(parseWhole("7")).toBe(7);
    expect(parseWhole("7.5")).toBeUndefined();
    expect(parseWhole("")).toBeUndefined();
    expect(parseRupiah("1.000.000")).toBe("1000000");
    expect(parseRupiah("12x")).toBeUndefined();
    expect(parseGrams("1,5")).toBe("15000");
    expect(parseGrams("0.0001")).toBe("1");
    expect(parseGrams("1.00001")).toBeUndefined();
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), (units) => {
        expect(parseGrams(gramsText(units.toString()))).toBe(units.toString());
      }),
    );
  });
});

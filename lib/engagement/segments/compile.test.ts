import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { PROFILE_FIELDS } from "../profiles/fields";
import { analyzeRule, compileSegment } from "./compile";
import { SegmentRule } from "./definition";

const dialect = new PgDialect();
const NOW = new Date("2026-12-01T05:00:00Z");
const SEG = "7c0d5d8e-3f5b-4d3a-9a51-2f8b1c9d0e11";
const USER = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d";
const EVIL = "'); drop table users; --";

const rule = SegmentRule.parse({
  type: "group",
  op: "and",
  rules: [
    { type: "property", field: "city", op: "contains", value: EVIL },
    { type: "property", field: "province", op: "in", value: ["Zqprov1", "Zqprov2"] },
    { type: "property", field: "cashBalance", op: "between", value: ["123457", "9876543"] },
    { type: "property", field: "signedUpAt", op: "more_than_days_ago", value: 17 },
    { type: "property", field: "nextDueDate", op: "eq", value: "2031-02-03" },
    { type: "property", field: "personas", op: "contains", value: "gold_saver" },
    {
      type: "group",
      op: "or",
      rules: [
        { type: "event", event: "topup_paid", op: "at_least", count: 4242, withinDays: 29, where: [{ property: EVIL, op: "gte", value: "7654321" }] },
        { type: "event_not_followed", event: "topup_paid", thenEvent: "loan_invested", withinDays: 13, lookbackDays: 31, where: [{ property: "method", op: "eq", value: "Zqmethod" }] },
        { type: "event_time", which: "last", event: "gold_bought", op: "less_than_days_ago", days: 11 },
        { type: "segment", segmentId: SEG, op: "not_in" },
      ],
    },
  ],
});

describe("compileSegment's SQL", () => {
  it("puts every value in a parameter, never in the text", () => {
    const q = dialect.sqlToQuery(compileSegment(rule, { now: NOW, userIds: [USER] }));
    const values = [EVIL, "Zqprov1", "Zqprov2", "123457", "9876543", "2031-02-03", "gold_saver", "4242", "7654321", "Zqmethod", SEG, USER, "topup_paid", "loan_invested", "gold_bought", "2026", "17", "29", "13", "31", "11"];
    const text = q.sql.replace(/\$\d+/g, "$");
    for (const v of values) expect(text, v).not.toContain(v);
    const params = q.params.map(String).join("\n");
    for (const v of [EVIL, "Zqprov1", "123457", "2031-02-03", "Zqmethod", SEG, "topup_paid", "312"]) expect(params, v).toContain(v);
    expect(params).toContain("%'); drop table users; --%");
    expect(q.sql).toMatch(/^select u\.id as user_id from users u left join profiles p on p\.user_id = u\.id where u\.role <> 'admin' and \(/);
  });

  it("names only PROFILE_FIELDS columns", () => {
    const q = dialect.sqlToQuery(compileSegment(rule, { now: NOW })).sql;
    const quoted = [...q.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
    const columns = new Set<string>(PROFILE_FIELDS.map((f) => f.column));
    expect(quoted.length).toBeGreaterThan(0);
    for (const c of quoted) expect(columns.has(c!), c).toBe(true);
  });

  it("has the same text for the same shape with other values and another clock", () => {
    const other = JSON.parse(JSON.stringify(rule).replaceAll("Zq", "Xy").replace("4242", "3").replace("123457", "5")) as unknown;
    const a = dialect.sqlToQuery(compileSegment(rule, { now: NOW }));
    const b = dialect.sqlToQuery(compileSegment(SegmentRule.parse(other), { now: new Date("2027-01-01T00:00:00Z") }));
    expect(b.sql).toBe(a.sql);
    expect(b.params).not.toEqual(a.params);
  });

  it("is set-based: event conditions are grouped subqueries, the userIds restriction one array parameter", () => {
    const q = dialect.sqlToQuery(compileSegment(rule, { now: NOW, userIds: [USER, SEG] })).sql;
    expect(q).toContain("group by e.user_id having count(*) >=");
    expect(q).toContain("not exists (select 1 from events y where y.user_id = x.user_id");
    expect(q).toContain("having max(e.occurred_at) >=");
    expect(q).toContain("not exists (select 1 from segment_members m where m.segment_id =");
    expect(q.match(/= any\(\$\d+::uuid\[\]\)/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses userIds that are not uuids (they go into one array literal)", () => {
    expect(() => compileSegment(rule, { now: NOW, userIds: ["a,b}"] })).toThrow(/uuids/);
  });

  it("throws on a value the validator refuses instead of compiling it", () => {
    const bad = SegmentRule.parse({ type: "group", op: "and", rules: [{ type: "property", field: "cashBalance", op: "gte", value: "1e6" }] });
    expect(() => compileSegment(bad, { now: NOW })).toThrow(/not valid/);
    const noList = SegmentRule.parse({ type: "group", op: "and", rules: [{ type: "property", field: "city", op: "in", value: "Bandung" }] });
    expect(() => compileSegment(noList, { now: NOW })).toThrow(/list/);
  });

  it("uses the kind given by propertyKind for event filters", () => {
    const r = SegmentRule.parse({ type: "group", op: "and", rules: [{ type: "event", event: "topup_paid", op: "at_least", count: 1, where: [{ property: "code", op: "eq", value: "007" }] }] });
    const inferred = dialect.sqlToQuery(compileSegment(r, { now: NOW })).sql;
    const asString = dialect.sqlToQuery(compileSegment(r, { now: NOW, propertyKind: () => "string" })).sql;
    expect(inferred).toContain("::numeric");
    expect(asString).not.toContain("::numeric");
  });
});

describe("analyzeRule", () => {
  it("lists events, fields and segments, sorted and unique", () => {
    expect(analyzeRule(rule)).toEqual({
      eventNames: ["gold_bought", "loan_invested", "topup_paid"],
      fields: ["cashBalance", "city", "nextDueDate", "personas", "province", "signedUpAt"],
      dependsOn: [SEG],
      timeRelative: true,
    });
  });

  it("marks a rule time-relative only for windows and relative dates", () => {
    const of = (rules: unknown[]) => analyzeRule(SegmentRule.parse({ type: "group", op: "or", rules })).timeRelative;
    expect(of([{ type: "property", field: "city", op: "eq", value: "x" }, { type: "event", event: "topup_paid", op: "at_least", count: 1 }])).toBe(false);
    expect(of([{ type: "property", field: "signedUpAt", op: "gte", value: "2026-01-01T00:00:00Z" }, { type: "segment", segmentId: SEG, op: "in" }])).toBe(false);
    expect(of([{ type: "event", event: "topup_paid", op: "at_most", count: 0, withinDays: 30 }])).toBe(true);
    expect(of([{ type: "property", field: "nextDueDate", op: "in_next_days", value: 3 }])).toBe(true);
    expect(of([{ type: "event_time", which: "first", event: "topup_paid", op: "more_than_days_ago", days: 1 }])).toBe(true);
    expect(of([{ type: "event_not_followed", event: "topup_paid", thenEvent: "loan_invested", withinDays: 2 }])).toBe(true);
  });
});

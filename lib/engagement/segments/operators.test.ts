import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { closeTestDatabase, openTestDatabase } from "@/lib/testing/db";
import { SegmentRule, type Rule } from "./definition";
import { evaluateRule, type World } from "./evaluate";
import { DAY_MS } from "./ops";
import { insertWorld, loadWorld, selectSegment } from "./test-helpers";

/**
 * Every operator, on a fixed world, through both implementations: the compiled SQL on a real database
 * and the in-memory oracle must each select exactly the expected users. The clock is pinned just after
 * midnight in Jakarta (2026-12-01 01:30 WIB = 2026-11-30 18:30 UTC), so day fields read Jakarta's today.
 */
const NOW = new Date("2026-11-30T18:30:00Z");
const ago = (days: number, ms = 0) => new Date(NOW.getTime() - days * DAY_MS + ms);
const ID = {
  A: "00000000-0000-4000-8000-00000000000a",
  B: "00000000-0000-4000-8000-00000000000b",
  C: "00000000-0000-4000-8000-00000000000c",
  D: "00000000-0000-4000-8000-00000000000d",
  E: "00000000-0000-4000-8000-00000000000e",
} as const;
type Name = keyof typeof ID;
const SEG = "00000000-0000-4000-8000-0000000000f1";

let db: Db;
let world: World;

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  await insertWorld(db, {
    users: [
      { id: ID.A, role: "lender" },
      { id: ID.B, role: "borrower" },
      { id: ID.C, role: "lender" }, // no profile row: every field NULL
      { id: ID.D, role: "admin" }, // never in a segment
      { id: ID.E, role: "lender" },
    ],
    profiles: [
      {
        userId: ID.A, role: "lender", personas: ["investor", "gold_saver"], ageBand: "25-34", city: "Jakarta Selatan", province: "DKI Jakarta",
        language: "id", acquisitionChannel: "google", acquisitionCampaign: "promoX100", signedUpAt: ago(10), kycStatus: "approved",
        cashBalance: 1_500_000n, accountValue: 5_000_000n, goldHeld: 12_345n, investmentsCount: 3, productsUsed: ["p2p_loans", "gold"],
        autoPurchaseOn: true, nextMaturityDate: "2026-12-04", lastActiveAt: ago(1), rfmSegment: "champions", rfmRecency: 5,
      },
      {
        userId: ID.B, role: "borrower", personas: ["borrower"], ageBand: "45-54", city: "Bandung", province: "Jawa Barat", language: "en",
        signedUpAt: ago(3), kycStatus: "submitted", kycStep: "selfie", nextDueDate: "2026-12-01", lastActiveAt: ago(40), daysPastDue: 5,
      },
      {
        userId: ID.E, role: "lender", city: "", acquisitionCampaign: "promo_100%", signedUpAt: ago(7), cashBalance: 1_000_000n,
        nextDueDate: "2026-11-24", lastActiveAt: ago(30), autoPurchaseOn: false,
      },
      { userId: ID.D, role: "lender", city: "Jakarta Selatan", personas: ["investor"], signedUpAt: ago(100), cashBalance: 9_000_000n },
    ],
    events: [
      { userId: ID.A, name: "topup_paid", occurredAt: ago(1), properties: { amount: "2000000", method: "va" } },
      { userId: ID.A, name: "topup_paid", occurredAt: ago(3), properties: { amount: "500000" } },
      { userId: ID.A, name: "topup_paid", occurredAt: ago(20), properties: { amount: 1500000, paidAt: "2026-11-10T10:00:00.000Z" } },
      { userId: ID.A, name: "topup_paid", occurredAt: ago(-1), properties: { amount: "9000000" } }, // after now: never counted
      { userId: ID.A, name: "loan_invested", occurredAt: ago(2), properties: { amount: "500000" } },
      { userId: ID.B, name: "topup_paid", occurredAt: ago(7), properties: { amount: "1000000", first: true, day: "2026-11-23" } },
      { userId: ID.E, name: "loan_invested", occurredAt: ago(8), properties: {} },
      { userId: ID.B, name: "gold_settings_updated", occurredAt: ago(2), properties: { before: { spreadBps: 150 }, after: { spreadBps: 90 } } },
      { userId: ID.E, name: "kyc_rejected", occurredAt: ago(2), properties: { version: 1, steps: ["selfie", "address"] } },
      { userId: null, name: "topup_paid", occurredAt: ago(1), properties: { amount: "2000000" } },
      { userId: ID.D, name: "topup_paid", occurredAt: ago(1), properties: { amount: "2000000" } },
    ],
    segmentIds: [SEG],
    members: [
      { segmentId: SEG, userId: ID.A },
      { segmentId: SEG, userId: ID.B },
      { segmentId: SEG, userId: ID.D },
    ],
  });
  world = await loadWorld(db);
});
afterAll(closeTestDatabase);

const names = (ids: Set<string>) => (Object.keys(ID) as Name[]).filter((n) => ids.has(ID[n])).join("");

async function expectMembers(rule: Rule, expected: string, opts: { now?: Date; userIds?: string[] } = {}) {
  const parsed = SegmentRule.parse(rule.type === "group" ? rule : { type: "group", op: "and", rules: [rule] });
  const now = opts.now ?? NOW;
  expect(names(await selectSegment(db, parsed, { now, userIds: opts.userIds })), "compiled SQL").toBe(expected);
  expect(names(evaluateRule(parsed, world, now, { userIds: opts.userIds })), "oracle").toBe(expected);
}

type Case = [string, Rule, string];
const f = (field: string, op: string, value?: unknown): Rule => ({ type: "property", field, op, value }) as Rule;

const FIELD_CASES: Case[] = [
  ["enum eq", f("role", "eq", "lender"), "AE"],
  ["enum neq includes NULL", f("role", "neq", "lender"), "BC"],
  ["enum in", f("role", "in", ["lender", "borrower"]), "ABE"],
  ["enum not_in includes NULL", f("role", "not_in", ["borrower"]), "ACE"],
  ["enum is_set", f("kycStep", "is_set"), "B"],
  ["enum not_set", f("kycStep", "not_set"), "ACE"],
  ["enum in (kyc)", f("kycStatus", "in", ["approved", "submitted"]), "AB"],
  ["enum eq (rfm)", f("rfmSegment", "eq", "champions"), "A"],
  ["enum neq (rfm)", f("rfmSegment", "neq", "champions"), "BCE"],
  ["string eq is exact", f("city", "eq", "Bandung"), "B"],
  ["string eq is case-sensitive", f("city", "eq", "bandung"), ""],
  ["string neq", f("city", "neq", "Bandung"), "ACE"],
  ["string in", f("city", "in", ["Bandung", "Jakarta Selatan"]), "AB"],
  ["string not_in", f("city", "not_in", ["Bandung"]), "ACE"],
  ["string contains is case-insensitive", f("city", "contains", "jakarta"), "A"],
  ["string not_contains includes NULL and empty", f("city", "not_contains", "jakarta"), "BCE"],
  ["contains escapes _", f("acquisitionCampaign", "contains", "o_1"), "E"],
  ["contains escapes %", f("acquisitionCampaign", "contains", "100%"), "E"],
  ["string is_set excludes empty", f("city", "is_set"), "AB"],
  ["string not_set includes empty", f("city", "not_set"), "CE"],
  ["money gte (string)", f("cashBalance", "gte", "1000000"), "AE"],
  ["money lte (number)", f("cashBalance", "lte", 1000000), "BE"],
  ["money between inclusive", f("cashBalance", "between", ["1", "1000000"]), "E"],
  ["money eq", f("cashBalance", "eq", "0"), "B"],
  ["money neq includes NULL", f("cashBalance", "neq", 0), "ACE"],
  ["money is_set", f("accountValue", "is_set"), "ABE"],
  ["gold gte", f("goldHeld", "gte", "12345"), "A"],
  ["number between", f("investmentsCount", "between", [1, 3]), "A"],
  ["number eq", f("daysPastDue", "eq", 5), "B"],
  ["number not_set", f("rfmRecency", "not_set"), "BCE"],
  ["boolean is_true", f("autoPurchaseOn", "is_true"), "A"],
  ["boolean is_false", f("autoPurchaseOn", "is_false"), "BE"],
  ["boolean eq", f("autoPurchaseOn", "eq", false), "BE"],
  ["boolean neq includes NULL", f("autoPurchaseOn", "neq", true), "BCE"],
  ["array contains", f("personas", "contains", "investor"), "A"],
  ["array not_contains", f("personas", "not_contains", "investor"), "BCE"],
  ["array in (any of)", f("personas", "in", ["borrower", "gold_saver"]), "AB"],
  ["array not_in (none of)", f("personas", "not_in", ["borrower"]), "ACE"],
  ["array is_set", f("personas", "is_set"), "AB"],
  ["array not_set", f("productsUsed", "not_set"), "BCE"],
  ["instant gte", f("signedUpAt", "gte", ago(5).toISOString()), "B"],
  ["instant lte", f("signedUpAt", "lte", ago(7).toISOString()), "AE"],
  ["instant between", f("signedUpAt", "between", [ago(8).toISOString(), ago(2).toISOString()]), "BE"],
  ["instant more_than_days_ago (exactly N days is not more)", f("signedUpAt", "more_than_days_ago", 7), "A"],
  ["instant less_than_days_ago (exactly N days is in)", f("signedUpAt", "less_than_days_ago", 7), "BE"],
  ["instant more_than_days_ago 30", f("lastActiveAt", "more_than_days_ago", 30), "B"],
  ["instant less_than_days_ago 30", f("lastActiveAt", "less_than_days_ago", 30), "AE"],
  ["instant in_next_days", f("lastActiveAt", "in_next_days", 30), ""],
  ["day eq", f("nextDueDate", "eq", "2026-12-01"), "B"],
  ["day neq", f("nextDueDate", "neq", "2026-12-01"), "ACE"],
  ["day gte", f("nextDueDate", "gte", "2026-11-25"), "B"],
  ["day lte", f("nextDueDate", "lte", "2026-11-24"), "E"],
  ["day between", f("nextDueDate", "between", ["2026-11-24", "2026-11-30"]), "E"],
  ["day in_next_days 0 is Jakarta's today", f("nextDueDate", "in_next_days", 0), "B"],
  ["day in_next_days 3 (boundary in)", f("nextMaturityDate", "in_next_days", 3), "A"],
  ["day in_next_days 2 (boundary out)", f("nextMaturityDate", "in_next_days", 2), ""],
  ["day more_than_days_ago", f("nextDueDate", "more_than_days_ago", 6), "E"],
  ["day more_than_days_ago (exactly N)", f("nextDueDate", "more_than_days_ago", 7), ""],
  ["day less_than_days_ago", f("nextDueDate", "less_than_days_ago", 7), "BE"],
];

describe("profile field operators", () => {
  it.each(FIELD_CASES)("%s", async (_, rule, expected) => expectMembers(rule, expected));

  it("day fields follow Jakarta's calendar day, not UTC's", async () => {
    // 16:59 UTC is 23:59 in Jakarta on 2026-11-30: B's due date (12-01) is tomorrow there.
    await expectMembers(f("nextDueDate", "in_next_days", 0), "", { now: new Date("2026-11-30T16:59:00Z") });
    await expectMembers(f("nextDueDate", "in_next_days", 1), "B", { now: new Date("2026-11-30T16:59:00Z") });
    await expectMembers(f("nextDueDate", "in_next_days", 0), "B", { now: new Date("2026-11-30T17:00:00Z") });
  });

  it("relative instants move with the clock, boundary to the millisecond", async () => {
    const signedE = ago(7).getTime();
    const at = (ms: number) => new Date(signedE + 7 * DAY_MS + ms);
    await expectMembers(f("signedUpAt", "more_than_days_ago", 7), "A", { now: at(0) });
    await expectMembers(f("signedUpAt", "more_than_days_ago", 7), "AE", { now: at(1) });
    await expectMembers(f("signedUpAt", "less_than_days_ago", 7), "BE", { now: at(0) });
    await expectMembers(f("signedUpAt", "less_than_days_ago", 7), "B", { now: at(1) });
  });
});

const ev = (event: string, op: string, count: number, extra: Record<string, unknown> = {}): Rule => ({ type: "event", event, op, count, where: [], ...extra }) as Rule;
const w = (property: string, op: string, value?: unknown) => ({ property, op, value });

const EVENT_CASES: Case[] = [
  ["at_least 1 ever (future and anonymous events ignored)", ev("topup_paid", "at_least", 1), "AB"],
  ["at_least 3 ever", ev("topup_paid", "at_least", 3), "A"],
  ["at_least 4 ever (the future one does not count)", ev("topup_paid", "at_least", 4), ""],
  ["at_least 0 is everyone", ev("topup_paid", "at_least", 0), "ABCE"],
  ["at_least 1 in 7 days (exactly 7 days ago is in)", ev("topup_paid", "at_least", 1, { withinDays: 7 }), "AB"],
  ["at_least 1 in 6 days", ev("topup_paid", "at_least", 1, { withinDays: 6 }), "A"],
  ["at_least 2 in 7 days", ev("topup_paid", "at_least", 2, { withinDays: 7 }), "A"],
  ["at_most 0 (never)", ev("topup_paid", "at_most", 0), "CE"],
  ["at_most 1", ev("topup_paid", "at_most", 1), "BCE"],
  ["at_most 0 in 6 days", ev("topup_paid", "at_most", 0, { withinDays: 6 }), "BCE"],
  ["exactly 0", ev("topup_paid", "exactly", 0), "CE"],
  ["exactly 1", ev("topup_paid", "exactly", 1), "B"],
  ["exactly 3", ev("topup_paid", "exactly", 3), "A"],
  ["exactly 2 in 7 days", ev("topup_paid", "exactly", 2, { withinDays: 7 }), "A"],
  ["filter gte (string and JSON number)", ev("topup_paid", "at_least", 1, { where: [w("amount", "gte", "1000000")] }), "AB"],
  ["filter gte, at_least 2", ev("topup_paid", "at_least", 2, { where: [w("amount", "gte", 1000000)] }), "A"],
  ["filter gt", ev("topup_paid", "at_least", 1, { where: [w("amount", "gt", "1000000")] }), "A"],
  ["filter lt", ev("topup_paid", "at_least", 1, { where: [w("amount", "lt", "1000000")] }), "A"],
  ["filter lte", ev("topup_paid", "exactly", 2, { where: [w("amount", "lte", "1500000")] }), "A"],
  ["filter eq numeric against a JSON number", ev("topup_paid", "at_least", 1, { where: [w("amount", "eq", "1500000")] }), "A"],
  ["filter in", ev("topup_paid", "at_least", 1, { where: [w("amount", "in", ["500000", "1000000"])] }), "AB"],
  ["filter neq counts events without the value", ev("topup_paid", "at_least", 2, { where: [w("amount", "neq", "2000000")] }), "A"],
  ["filter string eq", ev("topup_paid", "at_least", 1, { where: [w("method", "eq", "va")] }), "A"],
  ["filter string contains", ev("topup_paid", "at_least", 1, { where: [w("method", "contains", "V")] }), "A"],
  ["filter neq includes events without the property", ev("topup_paid", "at_least", 1, { where: [w("method", "neq", "va")] }), "AB"],
  ["filter is_set", ev("topup_paid", "at_least", 1, { where: [w("first", "is_set")] }), "B"],
  ["filter boolean eq", ev("topup_paid", "at_least", 1, { where: [w("first", "eq", true)] }), "B"],
  ["filter instant gt", ev("topup_paid", "at_least", 1, { where: [w("paidAt", "gt", "2026-11-01T00:00:00Z")] }), "A"],
  ["filter day lte", ev("topup_paid", "at_least", 1, { where: [w("day", "lte", "2026-11-23")] }), "B"],
  ["filters are ANDed, with a window", ev("topup_paid", "at_least", 1, { withinDays: 2, where: [w("amount", "gte", "1000000"), w("method", "eq", "va")] }), "A"],
  ["at_most 0 with a filter", ev("topup_paid", "at_most", 0, { where: [w("amount", "gte", "2000000")] }), "BCE"],
  ["filter on a nested property (dotted path)", ev("gold_settings_updated", "at_least", 1, { where: [w("before.spreadBps", "gte", 100)] }), "B"],
  ["filter on a nested property, other branch", ev("gold_settings_updated", "at_least", 1, { where: [w("after.spreadBps", "gte", 100)] }), ""],
  ["filter on a missing nested property", ev("gold_settings_updated", "at_least", 1, { where: [w("before.nothing", "is_set")] }), ""],
  ["filter on a list property: contains", ev("kyc_rejected", "at_least", 1, { where: [w("steps", "contains", "selfie")] }), "E"],
  ["filter on a list property: contains, absent item", ev("kyc_rejected", "at_least", 1, { where: [w("steps", "contains", "identity")] }), ""],
];

const nf = (extra: Record<string, unknown>): Rule => ({ type: "event_not_followed", event: "topup_paid", where: [], thenEvent: "loan_invested", thenWhere: [], withinDays: 1, ...extra }) as Rule;
const ft = (which: string, op: string, days: number): Rule => ({ type: "event_time", which, event: "topup_paid", where: [], op, days }) as Rule;

const SEQUENCE_CASES: Case[] = [
  ["not followed within 1 day", nf({}), "AB"],
  ["not followed, only X in the lookback", nf({ lookbackDays: 2 }), "A"],
  ["not followed: the X that was followed does not count", nf({ where: [w("amount", "eq", "500000")] }), ""],
  ["not followed: a follow-up outside the window does not count", nf({ where: [w("amount", "eq", "1500000")] }), "A"],
  ["not followed: a then-filter narrows Y", nf({ where: [w("amount", "eq", "500000")], thenWhere: [w("amount", "gte", "1000000")] }), "A"],
  ["not followed by the same event (an event does not follow itself)", nf({ thenEvent: "topup_paid", withinDays: 30, lookbackDays: 7 }), "AB"],
  ["first more_than_days_ago", ft("first", "more_than_days_ago", 10), "A"],
  ["first less_than_days_ago", ft("first", "less_than_days_ago", 10), "B"],
  ["last less_than_days_ago (future ignored)", ft("last", "less_than_days_ago", 2), "A"],
  ["last more_than_days_ago", ft("last", "more_than_days_ago", 5), "B"],
  ["segment in (admins never)", { type: "segment", segmentId: SEG, op: "in" }, "AB"],
  ["segment not_in", { type: "segment", segmentId: SEG, op: "not_in" }, "CE"],
];

describe("event and segment conditions", () => {
  it.each(EVENT_CASES)("%s", async (_, rule, expected) => expectMembers(rule, expected));
  it.each(SEQUENCE_CASES)("%s", async (_, rule, expected) => expectMembers(rule, expected));

  it("windows move with the clock", async () => {
    await expectMembers(ev("topup_paid", "at_least", 1, { withinDays: 7 }), "A", { now: new Date(NOW.getTime() + 1) });
    await expectMembers(ev("topup_paid", "at_least", 1, { withinDays: 7 }), "B", { now: ago(4) });
    await expectMembers(ev("topup_paid", "at_least", 1, { withinDays: 7 }), "", { now: ago(7, -1) });
  });
});

describe("groups", () => {
  const and = (...rules: Rule[]): Rule => ({ type: "group", op: "and", rules });
  const or = (...rules: Rule[]): Rule => ({ type: "group", op: "or", rules });
  it("AND / OR nested", async () => {
    await expectMembers(and(f("role", "eq", "lender"), ev("topup_paid", "at_least", 1)), "A");
    await expectMembers(or(f("role", "eq", "borrower"), ev("topup_paid", "at_most", 0)), "BCE");
    await expectMembers(or(and(f("city", "contains", "jakarta"), ev("loan_invested", "at_least", 1)), and(f("role", "eq", "lender"), or(f("cashBalance", "eq", 1000000), f("city", "eq", "x")))), "AE");
    await expectMembers(and(or(f("role", "eq", "lender"), f("role", "eq", "borrower")), and(and(and(f("kycStatus", "neq", "approved"))))), "BE");
  });

  it("userIds limits the query to those users (the incremental refresh)", async () => {
    await expectMembers(f("role", "eq", "lender"), "A", { userIds: [ID.A, ID.C, ID.D] });
    await expectMembers(ev("topup_paid", "at_most", 0), "C", { userIds: [ID.A, ID.C] });
    await expectMembers(ev("topup_paid", "at_least", 1), "", { userIds: [] });
  });
});

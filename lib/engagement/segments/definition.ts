import { z } from "zod";
import { PROFILE_FIELD_KEYS } from "../profiles/fields";

/**
 * A segment's rule: one JSON tree, validated here and compiled to one parameterised SQL query by
 * ./compile.ts (pure), with ./evaluate.ts as the in-memory oracle of its property tests. Client-safe:
 * the rule builder validates with the same schema. Values are JSON: money, gold and counts as decimal
 * strings or integers (never floats for money), days as "YYYY-MM-DD", instants as ISO strings.
 * Relative windows ("in the last 7 days", "more than 7 days ago") are evaluated against the clock's
 * now() passed to the compiler.
 *
 * Validation messages are keys (segments.errors.<key>) the UI translates.
 */

const Scalar = z.union([z.string().max(200), z.number(), z.boolean()]);
const Days = z.number({ message: "daysRequired" }).int("daysWhole").min(0, "daysMin").max(3650, "daysMax");
const Count = z.number({ message: "countRequired" }).int("countWhole").min(0, "countMin").max(1_000_000, "countMax");

/** Operators on a profile field (which apply depends on its kind: lib/engagement/profiles/fields.ts). */
export const FIELD_OPS = [
  "eq", // string, enum, number, money, gold, boolean, day
  "neq",
  "in", // string, enum (value: array)
  "not_in",
  "contains", // string (substring, case-insensitive), string_array (has the item)
  "not_contains",
  "gte", // number, money, gold, instant, day
  "lte",
  "between", // number, money, gold, day, instant (value: [from, to], inclusive)
  "is_set",
  "not_set",
  "is_true", // boolean
  "is_false",
  "more_than_days_ago", // instant, day (value: days): before now − N days
  "less_than_days_ago", // instant, day: within the last N days (and not in the future)
  "in_next_days", // instant, day: from now up to N days ahead (e.g. next due date in 3 days)
] as const;
export type FieldOp = (typeof FIELD_OPS)[number];

export const PropertyCondition = z.object({
  type: z.literal("property"),
  field: z.enum(PROFILE_FIELD_KEYS, { message: "fieldRequired" }),
  op: z.enum(FIELD_OPS, { message: "opRequired" }),
  value: z.union([Scalar, z.array(Scalar).max(100)]).optional(),
});

/** A filter on an event's properties (kinds from the catalogue, lib/engagement/event-names.ts). */
export const EVENT_FILTER_OPS = ["eq", "neq", "in", "gte", "lte", "gt", "lt", "contains", "is_set"] as const;
export const EventPropertyFilter = z.object({
  property: z.string({ message: "propertyRequired" }).min(1, "propertyRequired").max(100),
  op: z.enum(EVENT_FILTER_OPS, { message: "opRequired" }),
  value: z.union([Scalar, z.array(Scalar).max(100)]).optional(),
});
export type EventPropertyFilter = z.infer<typeof EventPropertyFilter>;

const EventName = z.string({ message: "eventRequired" }).min(1, "eventRequired").max(100);

/**
 * Did X at least / at most / exactly N times in the last D days (withinDays absent: ever), counting only
 * events whose properties pass every filter. "Did not do X in the last D days" is at_most 0.
 */
export const EventCountCondition = z.object({
  type: z.literal("event"),
  event: EventName,
  op: z.enum(["at_least", "at_most", "exactly"], { message: "opRequired" }),
  count: Count,
  withinDays: Days.optional(),
  where: z.array(EventPropertyFilter).max(10).default([]),
});

/**
 * Did X but not Y within D days after it: some X (passing `where`) in the last `lookbackDays` (absent:
 * ever) with no Y (passing `thenWhere`) in the D days that followed.
 */
export const EventNotFollowedCondition = z.object({
  type: z.literal("event_not_followed"),
  event: EventName,
  where: z.array(EventPropertyFilter).max(10).default([]),
  thenEvent: EventName,
  thenWhere: z.array(EventPropertyFilter).max(10).default([]),
  withinDays: Days,
  lookbackDays: Days.optional(),
});

/** The first or last time X happened: more than / less than N days ago (a user who never did X is not in). */
export const EventFirstLastCondition = z.object({
  type: z.literal("event_time"),
  which: z.enum(["first", "last"]),
  event: EventName,
  where: z.array(EventPropertyFilter).max(10).default([]),
  op: z.enum(["more_than_days_ago", "less_than_days_ago"], { message: "opRequired" }),
  days: Days,
});

/** Membership of another saved segment (no cycles: checked when saving). */
export const SegmentCondition = z.object({
  type: z.literal("segment"),
  segmentId: z.string({ message: "segmentRequired" }).uuid("segmentRequired"),
  op: z.enum(["in", "not_in"]),
});

export type Condition =
  | z.infer<typeof PropertyCondition>
  | z.infer<typeof EventCountCondition>
  | z.infer<typeof EventNotFollowedCondition>
  | z.infer<typeof EventFirstLastCondition>
  | z.infer<typeof SegmentCondition>;
export type RuleGroup = { type: "group"; op: "and" | "or"; rules: Rule[] };
export type Rule = RuleGroup | Condition;

export const Rule: z.ZodType<Rule> = z.lazy(() =>
  z.discriminatedUnion("type", [
    z.object({
      type: z.literal("group"),
      op: z.enum(["and", "or"]),
      rules: z.array(Rule).min(1, "groupEmpty").max(50),
    }),
    PropertyCondition,
    EventCountCondition,
    EventNotFollowedCondition,
    EventFirstLastCondition,
    SegmentCondition,
  ]),
) as z.ZodType<Rule>;

/** The top of a segment's rule is always a group. */
export const SegmentRule = z.object({
  type: z.literal("group"),
  op: z.enum(["and", "or"]),
  rules: z.array(Rule).min(1, "groupEmpty").max(50),
});
export type SegmentRule = z.infer<typeof SegmentRule>;

/** Deepest nesting accepted (a guard against pathological trees; the UI allows any practical depth). */
export const MAX_RULE_DEPTH = 8;

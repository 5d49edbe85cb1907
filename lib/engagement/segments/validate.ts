import type { z } from "zod";
import { profileField } from "../profiles/fields";
import {
  EventCountCondition,
  EventFirstLastCondition,
  EventNotFollowedCondition,
  MAX_RULE_DEPTH,
  PropertyCondition,
  SegmentCondition,
  SegmentRule,
  type EventPropertyFilter,
} from "./definition";
import {
  FILTER_OPS_BY_KIND,
  LIST_OPS,
  LIST_PROPERTY_OPS,
  NO_VALUE_OPS,
  OPS_BY_KIND,
  RELATIVE_OPS,
  catalogueProperties,
  compareValues,
  isKnownEventName,
  normalizeValue,
  resolvePropertyKind,
  valueKindOf,
  type ValueKind,
} from "./ops";

/**
 * Every message key validateRule returns; the UI shows `segments.errors.<key>` (helper F writes the
 * texts in messages/en.json and id.json). English gloss of each in the comment.
 */
export const RULE_ERROR_KEYS = [
  "invalid", // This part of the rule is not valid.
  "conditionType", // Choose a kind of condition.
  "groupEmpty", // Add at least one condition to this group.
  "tooMany", // Too many conditions or values here.
  "depthExceeded", // Groups are nested too deeply.
  "fieldRequired", // Choose a field.
  "opRequired", // Choose an operator.
  "opNotForKind", // This operator does not apply to this field or property.
  "whichRequired", // Choose first time or last time.
  "valueRequired", // Enter a value.
  "valueType", // This value has the wrong type (a number, a yes/no, a date as YYYY-MM-DD, a date and time).
  "valueTooLong", // This value is too long.
  "valueNotAllowed", // Choose one of the listed values.
  "listRequired", // Choose at least one value.
  "pairRequired", // Enter both ends of the range.
  "rangeOrder", // The start of the range is after its end.
  "daysRequired", // Enter a number of days.
  "daysWhole", // The number of days must be a whole number.
  "daysMin", // The number of days cannot be negative.
  "daysMax", // At most 3650 days (10 years).
  "countRequired", // Enter how many times.
  "countWhole", // The number of times must be a whole number.
  "countMin", // The number of times cannot be negative.
  "countMax", // The number of times is too large.
  "eventRequired", // Choose an event.
  "eventUnknown", // This event is not in the catalogue.
  "propertyRequired", // Choose a property of the event.
  "propertyUnknown", // This event has no such property.
  "propertyNotFilterable", // This property cannot be filtered on (a map of values).
  "segmentRequired", // Choose a segment.
] as const;
export type RuleErrorKey = (typeof RULE_ERROR_KEYS)[number];
export type RuleIssue = { path: string; key: RuleErrorKey };
export type RuleValidation = { ok: true; rule: SegmentRule } | { ok: false; issues: RuleIssue[] };

const KNOWN = new Set<string>(RULE_ERROR_KEYS);
const CONDITIONS: Record<string, z.ZodType> = {
  property: PropertyCondition,
  event: EventCountCondition,
  event_not_followed: EventNotFollowedCondition,
  event_time: EventFirstLastCondition,
  segment: SegmentCondition,
};

/**
 * A rule as the builder sends it → the parsed rule, or every problem with its path (dot-joined, e.g.
 * "rules.0.rules.2.value") and a message key. Checks the shape (zod, ./definition.ts) node by node, so
 * one incomplete condition does not hide the others, then the meaning: the operator fits the field's or
 * property's kind, the value has the right type (a list for in / not_in, a pair for between, days for
 * relative dates), the event is in the catalogue and has the property, groups are not empty nor deeper
 * than MAX_RULE_DEPTH. Pure and client-safe.
 */
export function validateRule(input: unknown): RuleValidation {
  const issues: RuleIssue[] = [];
  checkGroup(input, [], 1, issues);
  if (issues.length > 0) return { ok: false, issues };
  const parsed = SegmentRule.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error.issues, []) };
  return { ok: true, rule: parsed.data };
}

type Path = (string | number)[];
const join = (path: Path) => path.join(".");
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function checkGroup(node: unknown, path: Path, depth: number, issues: RuleIssue[]): void {
  if (!isObject(node) || node.type !== "group") {
    issues.push({ path: join([...path, "type"]), key: path.length === 0 ? "invalid" : "conditionType" });
    return;
  }
  if (depth > MAX_RULE_DEPTH) {
    issues.push({ path: join(path), key: "depthExceeded" });
    return;
  }
  if (node.op !== "and" && node.op !== "or") issues.push({ path: join([...path, "op"]), key: "opRequired" });
  const rules = node.rules;
  if (!Array.isArray(rules)) {
    issues.push({ path: join([...path, "rules"]), key: "groupEmpty" });
    return;
  }
  if (rules.length === 0) issues.push({ path: join([...path, "rules"]), key: "groupEmpty" });
  if (rules.length > 50) issues.push({ path: join([...path, "rules"]), key: "tooMany" });
  rules.forEach((child, i) => {
    const at = [...path, "rules", i];
    if (isObject(child) && child.type === "group") return checkGroup(child, at, depth + 1, issues);
    const schema = isObject(child) && typeof child.type === "string" ? CONDITIONS[child.type] : undefined;
    if (!schema) return void issues.push({ path: join([...at, "type"]), key: "conditionType" });
    const parsed = schema.safeParse(child);
    if (!parsed.success) return void issues.push(...zodIssues(parsed.error.issues, at));
    checkCondition(parsed.data as z.infer<typeof PropertyCondition> | ParsedEvent, at, issues);
  });
}

type ParsedEvent = z.infer<typeof EventCountCondition> | z.infer<typeof EventNotFollowedCondition> | z.infer<typeof EventFirstLastCondition> | z.infer<typeof SegmentCondition>;

function checkCondition(c: z.infer<typeof PropertyCondition> | ParsedEvent, path: Path, issues: RuleIssue[]): void {
  const add = (sub: Path, key: RuleErrorKey) => issues.push({ path: join([...path, ...sub]), key });
  switch (c.type) {
    case "property":
      return checkField(c, add);
    case "event":
    case "event_time":
      checkEvent(c.event, c.where, ["event"], ["where"], add);
      return;
    case "event_not_followed":
      checkEvent(c.event, c.where, ["event"], ["where"], add);
      checkEvent(c.thenEvent, c.thenWhere, ["thenEvent"], ["thenWhere"], add);
      return;
    case "segment":
      return;
  }
}

type Add = (sub: Path, key: RuleErrorKey) => void;

function checkField(c: z.infer<typeof PropertyCondition>, add: Add): void {
  const field = profileField(c.field);
  if (!field) return add(["field"], "fieldRequired");
  if (!OPS_BY_KIND[field.kind].includes(c.op)) return add(["op"], "opNotForKind");
  if (NO_VALUE_OPS.includes(c.op)) return;
  if (RELATIVE_OPS.includes(c.op)) return checkDays(c.value, add);
  const kind: ValueKind = field.kind === "string_array" ? "string" : valueKindOf(field.kind);
  checkValue(c.op, c.value, kind, field.values, add, field.kind === "money" || field.kind === "gold");
}

function checkDays(value: unknown, add: Add): void {
  if (value === undefined || value === "") return add(["value"], "daysRequired");
  if (typeof value !== "number" || !Number.isFinite(value)) return add(["value"], "daysRequired");
  if (!Number.isInteger(value)) return add(["value"], "daysWhole");
  if (value < 0) return add(["value"], "daysMin");
  if (value > 3650) add(["value"], "daysMax");
}

/** One value, a list (in / not_in) or a pair (between) of a kind; enum values among `allowed`; money and gold whole. */
function checkValue(op: string, value: unknown, kind: ValueKind, allowed: readonly string[] | undefined, add: Add, whole = false): void {
  const item = (v: unknown, at: Path): string | null => {
    if (v === undefined || v === null || v === "") return add(at, "valueRequired"), null;
    const n = normalizeValue(kind, v);
    if (n === null || (whole && n.includes("."))) return add(at, "valueType"), null;
    if (allowed && !allowed.includes(n)) return add(at, "valueNotAllowed"), null;
    return n;
  };
  if (LIST_OPS.includes(op)) {
    if (!Array.isArray(value) || value.length === 0) return add(["value"], "listRequired");
    value.forEach((v, i) => item(v, ["value", i]));
    return;
  }
  if (op === "between") {
    if (!Array.isArray(value) || value.length !== 2) return add(["value"], "pairRequired");
    const from = item(value[0], ["value", 0]);
    const to = item(value[1], ["value", 1]);
    if (from !== null && to !== null && compareValues(kind, from, to) > 0) add(["value"], "rangeOrder");
    return;
  }
  if (Array.isArray(value)) return add(["value"], "valueType");
  item(value, ["value"]);
}

function checkEvent(event: string, where: EventPropertyFilter[], eventPath: Path, wherePath: Path, add: Add): void {
  if (!isKnownEventName(event)) return add(eventPath, "eventUnknown");
  const listed = catalogueProperties(event);
  where.forEach((f, i) => {
    const at = (sub: Path) => [...wherePath, i, ...sub];
    const property = listed?.find((p) => p.key === f.property);
    if (f.property.split(".").includes("*")) return add(at(["property"]), "propertyNotFilterable");
    if (listed && !property) return add(at(["property"]), "propertyUnknown");
    if (property?.list && !LIST_PROPERTY_OPS.includes(f.op)) return add(at(["op"]), "opNotForKind");
    if (f.op === "is_set") return;
    if (f.value === undefined || f.value === "") return add(at(["value"]), LIST_OPS.includes(f.op) ? "listRequired" : "valueRequired");
    const sub: Add = (p, key) => add(at(p), key);
    if (property?.list) return checkValue(f.op, f.value, "string", property.values, sub);
    const kind = resolvePropertyKind(event, f);
    if (!FILTER_OPS_BY_KIND[kind].includes(f.op)) return add(at(["op"]), "opNotForKind");
    const whole = kind === "money" || kind === "gold" || kind === "bps";
    checkValue(f.op, f.value, f.op === "contains" ? "string" : valueKindOf(kind), kind === "enum" ? property?.values : undefined, sub, whole);
  });
}

function zodIssues(list: z.core.$ZodIssue[], prefix: Path): RuleIssue[] {
  return list.map((issue) => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    const last = path[path.length - 1];
    let key: RuleErrorKey = "invalid";
    if (KNOWN.has(issue.message)) key = issue.message as RuleErrorKey;
    else if (issue.code === "too_big") key = issue.origin === "array" ? "tooMany" : "valueTooLong";
    else if (last === "value" || (typeof last === "number" && path[path.length - 2] === "value")) key = "valueType";
    else if (last === "which") key = "whichRequired";
    else if (last === "op") key = "opRequired";
    else if (last === "type") key = "conditionType";
    return { path: join(path), key };
  });
}

import { FILTER_OPS_BY_KIND, OPS_BY_KIND, PROFILE_FIELDS, profileField, type FieldOp } from "@/lib/engagement/rules";

/**
 * The editor's model of a rule: the same JSON tree as lib/engagement/segments/definition.ts, but
 * allowed to be incomplete while it is edited (a condition without its value yet), each node carrying
 * a `_k` key for React that is dropped before the rule is validated, previewed or saved.
 */
export type Node = { _k?: string; type: string; [key: string]: unknown };
export type Group = Node & { type: "group"; op: "and" | "or"; rules: Node[] };
export type Issue = { path: string; key: string };
export type ConditionType = "property" | "event" | "event_not_followed" | "event_time" | "segment";
export const CONDITION_TYPES: readonly ConditionType[] = ["property", "event", "event_not_followed", "event_time", "segment"];

let counter = 0;
export const newKey = () => `n${++counter}`;

export function emptyCondition(type: ConditionType): Node {
  switch (type) {
    case "property":
      return { _k: newKey(), type, field: "", op: "" };
    case "event":
      return { _k: newKey(), type, event: "", op: "at_least", count: 1, withinDays: 30, where: [] };
    case "event_not_followed":
      return { _k: newKey(), type, event: "", where: [], thenEvent: "", thenWhere: [], withinDays: 7 };
    case "event_time":
      return { _k: newKey(), type, which: "last", event: "", where: [], op: "more_than_days_ago", days: 30 };
    case "segment":
      return { _k: newKey(), type, op: "in", segmentId: "" };
  }
}

export const emptyGroup = (op: "and" | "or" = "and"): Group => ({ _k: newKey(), type: "group", op, rules: [emptyCondition("property")] });
export const emptyRule = (): Group => ({ _k: newKey(), type: "group", op: "and", rules: [emptyCondition("property")] });

/** Gives every node of a stored rule a React key. */
export function withKeys(node: unknown): Node {
  const n: Node = { ...(node as Node), _k: newKey() };
  if (n.type === "group" && Array.isArray(n.rules)) n.rules = (n.rules as unknown[]).map(withKeys);
  return n;
}

/**
 * The rule as JSON: keys dropped, and fields left empty ("" from an unchosen select, undefined from a
 * half-typed number) removed, so validation reports them as missing rather than malformed.
 */
export function toRule(node: Node): unknown {
  return JSON.parse(
    JSON.stringify(node, (k, v) => {
      if (k === "_k" || v === "") return undefined;
      if (v && typeof v === "object" && (v as Node).type === "filter") {
        const { type: _t, ...filter } = v as Node;
        return filter;
      }
      return v;
    }),
  );
}

export type Path = number[];
export const pathString = (path: Path) => path.map((i) => `rules.${i}`).join(".");

export function updateAt(root: Group, path: Path, fn: (n: Node) => Node): Group {
  if (path.length === 0) return fn(root) as Group;
  const [i, ...rest] = path;
  const rules = root.rules.map((child, j) => (j === i ? (rest.length === 0 ? fn(child) : updateAt(child as Group, rest, fn)) : child));
  return { ...root, rules };
}

export function removeAt(root: Group, path: Path): Group {
  const parent = path.slice(0, -1);
  const index = path[path.length - 1]!;
  return updateAt(root, parent, (g) => ({ ...g, rules: (g as Group).rules.filter((_, j) => j !== index) }));
}

/**
 * The issues of one node: its own (for a group: about the group, not its children), with the rest of
 * the path after the node ("count", "where.0.value", "" for the node itself).
 */
export function issuesOf(issues: readonly Issue[], path: Path, isGroup: boolean): { rest: string; key: string }[] {
  const p = pathString(path);
  const out: { rest: string; key: string }[] = [];
  for (const issue of issues) {
    let rest: string;
    if (p === "") rest = issue.path;
    else if (issue.path === p) rest = "";
    else if (issue.path.startsWith(`${p}.`)) rest = issue.path.slice(p.length + 1);
    else continue;
    if (isGroup && /^rules\.\d+/.test(rest)) continue;
    out.push({ rest, key: issue.key });
  }
  return out;
}

/** Server field errors (`rule.rules.0.count`) as issues of the rule. */
export function issuesFromFields(fields: Record<string, string> | undefined): Issue[] {
  return Object.entries(fields ?? {})
    .filter(([k]) => k === "rule" || k.startsWith("rule."))
    .map(([k, key]) => ({ path: k === "rule" ? "" : k.slice(5), key }));
}

export { OPS_BY_KIND, FILTER_OPS_BY_KIND };

export type ValueShape = "none" | "days" | "list" | "range" | "single";
export function valueShape(op: string): ValueShape {
  if (["is_set", "not_set", "is_true", "is_false"].includes(op)) return "none";
  if (["more_than_days_ago", "less_than_days_ago", "in_next_days"].includes(op)) return "days";
  if (op === "in" || op === "not_in") return "list";
  if (op === "between") return "range";
  return "single";
}

/** The profile fields by group, in the registry's order. */
export const FIELD_GROUPS = (["property", "trait", "rfm"] as const).map((group) => ({ group, fields: PROFILE_FIELDS.filter((f) => f.group === group) }));

/** When the field changes, an operator that no longer applies and the value are cleared. */
export function withField(node: Node, field: string): Node {
  const f = profileField(field);
  const ops = f ? OPS_BY_KIND[f.kind] : [];
  const op = ops.includes(node.op as FieldOp) ? (node.op as string) : (ops[0] ?? "");
  return { _k: node._k, type: "property", field, op };
}

/** When the operator changes to one that takes another shape of value, the value is cleared. */
export function withOp(node: Node, op: string): Node {
  const keep = valueShape(op) === valueShape(String(node.op ?? ""));
  const next: Node = { ...node, op };
  if (!keep) delete next.value;
  return next;
}

// Values as typed: integers and rupiah as text, grams to 0.0001 g units, all exact (no floats for money).
export const parseWhole = (text: string): number | undefined => (/^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : undefined);
export const parseRupiah = (text: string): string | undefined => {
  const digits = text.replace(/[.\s,]/g, "");
  return /^\d{1,15}$/.test(digits) ? String(BigInt(digits)) : undefined;
};
export const parseGrams = (text: string): string | undefined => {
  const m = /^(\d{1,9})(?:[.,](\d{1,4}))?$/.exec(text.trim());
  return m ? String(BigInt(m[1]!) * 10000n + BigInt((m[2] ?? "").padEnd(4, "0") || "0")) : undefined;
};
export const gramsText = (units: unknown): string => {
  if (typeof units !== "string" && typeof units !== "number") return "";
  const u = BigInt(units);
  const frac = (u % 10000n).toString().padStart(4, "0").replace(/0+$/, "");
  return `${u / 10000n}${frac ? `.${frac}` : ""}`;
};
/** An instant condition's date input means midnight in Jakarta (WIB) of that day. */
export const dayToInstant = (day: string): string | undefined => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00+07:00` : undefined);

"use client";

import { createContext, useContext, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { profileField, type FieldKind } from "@/lib/engagement/rules";
import { propertiesOf, SEGMENT_EVENT_NAMES, type EventProperty, type PropertyKind } from "./catalogue";
import { Checkboxes, ParsedInput, Select, TextInput } from "./inputs";
import {
  CONDITION_TYPES,
  dayToInstant,
  emptyCondition,
  emptyGroup,
  FIELD_GROUPS,
  FILTER_OPS_BY_KIND,
  gramsText,
  issuesOf,
  newKey,
  OPS_BY_KIND,
  parseGrams,
  parseRupiah,
  parseWhole,
  removeAt,
  updateAt,
  valueShape,
  withField,
  withOp,
  type ConditionType,
  type Group,
  type Issue,
  type Node,
  type Path,
} from "./rule-model";

type Builder = {
  issues: readonly Issue[];
  segments: { id: string; name: string }[];
  update: (path: Path, fn: (n: Node) => Node) => void;
  remove: (path: Path) => void;
};
const BuilderContext = createContext<Builder | null>(null);
const useBuilder = () => useContext(BuilderContext)!;

/** Event names in words: the segment builder's own, else the activity list's, else the name. */
function useEventLabel() {
  const t = useTranslations("segments.events");
  const ta = useTranslations("activity.names");
  return (name: string) => (t.has(name) ? t(name) : ta.has(name) ? ta(name) : name);
}

/**
 * The rule builder: AND / OR groups nested to any depth, each holding conditions of five kinds.
 * A controlled tree editor rather than react-hook-form: the tree is recursive with a discriminated
 * union at every node (changing a condition's type or field replaces the node's whole shape), which
 * would need one useFieldArray per group and re-registered fields on each change; one immutable tree
 * in state, updated by path, is simpler and is exactly the JSON the server validates. Validation
 * messages come from validateRule (the same check the server runs), shown beside the part they name.
 */
export function RuleBuilder({ value, onChange, issues, segments }: { value: Group; onChange: (g: Group) => void; issues: readonly Issue[]; segments: { id: string; name: string }[] }) {
  const builder: Builder = {
    issues,
    segments,
    update: (path, fn) => onChange(updateAt(value, path, fn)),
    remove: (path) => onChange(removeAt(value, path)),
  };
  return (
    <BuilderContext.Provider value={builder}>
      <GroupEditor node={value} path={[]} />
    </BuilderContext.Provider>
  );
}

function Messages({ items }: { items: { key: string }[] }) {
  const t = useTranslations("segments.errors");
  if (items.length === 0) return null;
  const keys = [...new Set(items.map((i) => i.key))];
  // A polite live region around a real list (role="alert" on the <ul> would hide its list role and
  // interrupt the reader on every keystroke while a rule is being typed).
  return (
    <div aria-live="polite">
      <ul className="space-y-1 text-sm text-red-700">
        {keys.map((k) => (
          <li key={k}>{t.has(k) ? t(k) : t("invalid")}</li>
        ))}
      </ul>
    </div>
  );
}

function GroupEditor({ node, path }: { node: Group; path: Path }) {
  const t = useTranslations("segments.builder");
  const { issues, update, remove } = useBuilder();
  const own = issuesOf(issues, path, true);
  const root = path.length === 0;
  const id = `g-${node._k}`;
  const match = node.op === "or" ? t("matchOr") : t("matchAnd");
  return (
    <fieldset className={`min-w-0 space-y-3 rounded-xl border p-3 ${own.length ? "border-red-700" : "border-slate-300"} ${root ? "" : "bg-slate-50"}`} data-testid="rule-group">
      <legend className="px-1 text-sm font-semibold text-slate-900">{root ? t("rootGroup") : t("groupLabel", { match })}</legend>
      <Select
        id={`${id}-op`}
        label={t("match")}
        value={node.op}
        onChange={(op) => update(path, (g) => ({ ...g, op }))}
        options={[
          { value: "and", label: t("matchAnd") },
          { value: "or", label: t("matchOr") },
        ]}
        className="max-w-xs"
      />
      <ol className="space-y-3">
        {node.rules.map((child, i) => (
          <li key={child._k ?? i}>
            {child.type === "group" ? <GroupEditor node={child as Group} path={[...path, i]} /> : <ConditionEditor node={child} path={[...path, i]} n={i + 1} />}
          </li>
        ))}
      </ol>
      <Messages items={own} />
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => update(path, (g) => ({ ...g, rules: [...(g as Group).rules, emptyCondition("property")] }))}>
          {t("addCondition")}
        </Button>
        <Button variant="secondary" onClick={() => update(path, (g) => ({ ...g, rules: [...(g as Group).rules, emptyGroup(node.op === "and" ? "or" : "and")] }))}>
          {t("addGroup")}
        </Button>
        {!root ? (
          <Button variant="ghost" onClick={() => remove(path)}>
            {t("removeGroup")}
          </Button>
        ) : null}
      </div>
    </fieldset>
  );
}

function ConditionEditor({ node, path, n }: { node: Node; path: Path; n: number }) {
  const t = useTranslations("segments.builder");
  const { issues, update, remove } = useBuilder();
  const own = issuesOf(issues, path, false);
  const id = `c-${node._k}`;
  const bad = (field: string) => own.some((i) => i.rest === field || i.rest.startsWith(`${field}.`));
  const set = (patch: Record<string, unknown>) => update(path, (c) => ({ ...c, ...patch }));
  return (
    <fieldset className={`min-w-0 space-y-3 rounded-xl border bg-white p-3 ${own.length ? "border-red-700" : "border-slate-200"}`} data-testid="rule-condition">
      <legend className="px-1 text-sm font-semibold text-slate-900">{t("conditionN", { n })}</legend>
      <div className="flex flex-wrap items-end gap-3">
        <Select
          id={`${id}-type`}
          label={t("conditionType")}
          value={node.type}
          onChange={(type) => update(path, (c) => ({ ...emptyCondition(type as ConditionType), _k: c._k }))}
          options={CONDITION_TYPES.map((c) => ({ value: c, label: t(`types.${c}`) }))}
          className="w-full sm:w-64"
        />
        <Button variant="ghost" onClick={() => remove(path)}>
          {t("removeCondition")}
        </Button>
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {node.type === "property" ? <PropertyFields node={node} id={id} set={set} replace={(next) => update(path, () => next)} bad={bad} /> : null}
        {node.type === "event" ? <EventCountFields node={node} id={id} set={set} bad={bad} /> : null}
        {node.type === "event_not_followed" ? <NotFollowedFields node={node} id={id} set={set} bad={bad} /> : null}
        {node.type === "event_time" ? <EventTimeFields node={node} id={id} set={set} bad={bad} /> : null}
        {node.type === "segment" ? <SegmentFields node={node} id={id} set={set} bad={bad} /> : null}
      </div>
      {node.type === "event" || node.type === "event_time" ? <Filters event={String(node.event ?? "")} filters={(node.where as Node[]) ?? []} onChange={(where) => set({ where })} id={`${id}-where`} legend={t("filters")} bad={(i) => bad(`where.${i}`)} /> : null}
      {node.type === "event_not_followed" ? (
        <>
          <Filters event={String(node.event ?? "")} filters={(node.where as Node[]) ?? []} onChange={(where) => set({ where })} id={`${id}-where`} legend={t("filters")} bad={(i) => bad(`where.${i}`)} />
          <Filters event={String(node.thenEvent ?? "")} filters={(node.thenWhere as Node[]) ?? []} onChange={(thenWhere) => set({ thenWhere })} id={`${id}-then-where`} legend={t("thenFilters")} bad={(i) => bad(`thenWhere.${i}`)} />
        </>
      ) : null}
      <Messages items={own} />
    </fieldset>
  );
}

type FieldsProps = { node: Node; id: string; set: (patch: Record<string, unknown>) => void; bad: (field: string) => boolean };

function PropertyFields({ node, id, set, replace, bad }: FieldsProps & { replace: (n: Node) => void }) {
  const t = useTranslations("segments");
  const field = String(node.field ?? "");
  const f = profileField(field);
  const ops = f ? OPS_BY_KIND[f.kind] : [];
  const op = String(node.op ?? "");
  return (
    <>
      <Select
        id={`${id}-field`}
        label={t("builder.field")}
        value={field}
        placeholder={t("builder.choose")}
        invalid={bad("field")}
        onChange={(v) => replace(withField(node, v))}
        groups={FIELD_GROUPS.map((g) => ({ label: t(`groups.${g.group}`), options: g.fields.map((x) => ({ value: x.key, label: t(`fields.${x.key}`) })) }))}
      />
      <Select id={`${id}-op`} label={t("builder.op")} value={op} placeholder={t("builder.choose")} invalid={bad("op")} onChange={(v) => replace(withOp(node, v))} options={ops.map((o) => ({ value: o, label: t(`ops.${o}`) }))} />
      {f && op ? <FieldValue key={`${field}-${op}`} id={`${id}-value`} kind={f.kind} values={f.values} valuesKey={field} op={op} value={node.value} onValue={(value) => set({ value })} invalid={bad("value")} /> : null}
    </>
  );
}

/** The value input for an operator and a field's (or an event property's) kind. */
function FieldValue({ id, kind, values, valuesKey, op, value, onValue, invalid }: { id: string; kind: FieldKind | PropertyKind; values?: readonly string[]; valuesKey?: string; op: string; value: unknown; onValue: (v: unknown) => void; invalid: boolean }) {
  const t = useTranslations("segments");
  const shape = valueShape(op);
  const labelOf = (v: string) => (valuesKey && t.has(`values.${valuesKey}.${v}`) ? t(`values.${valuesKey}.${v}`) : v);
  if (shape === "none") return null;
  if (shape === "days") {
    return <ParsedInput id={id} label={t("builder.days")} value={value as number | undefined} onValue={onValue} parse={parseWhole} format={(v) => (v === undefined ? "" : String(v))} invalid={invalid} />;
  }
  if (shape === "list") {
    const list = Array.isArray(value) ? (value as string[]) : [];
    if (values && values.length > 0) return <Checkboxes legend={t("builder.values")} idBase={id} values={values} selected={list} onChange={(v) => onValue(v.length ? v : undefined)} labelOf={labelOf} />;
    return (
      <ParsedInput
        id={id}
        label={t("builder.values")}
        hint={t("builder.valuesHint")}
        inputMode="text"
        value={list}
        onValue={onValue}
        parse={(text) => {
          const items = text.split(",").map((s) => s.trim()).filter(Boolean);
          return items.length ? items : undefined;
        }}
        format={(v) => (v ?? []).join(", ")}
        invalid={invalid}
      />
    );
  }
  if (shape === "range") {
    const pair = Array.isArray(value) ? (value as unknown[]) : [undefined, undefined];
    const setAt = (i: number, v: unknown) => {
      const next = [pair[0], pair[1]];
      next[i] = v;
      onValue(next[0] === undefined || next[1] === undefined ? (next.every((x) => x === undefined) ? undefined : next.map((x) => x ?? null)) : next);
    };
    return (
      <>
        <SingleValue id={`${id}-from`} label={t("builder.from")} kind={kind} values={values} labelOf={labelOf} value={pair[0] ?? undefined} onValue={(v) => setAt(0, v)} invalid={invalid} />
        <SingleValue id={`${id}-to`} label={t("builder.to")} kind={kind} values={values} labelOf={labelOf} value={pair[1] ?? undefined} onValue={(v) => setAt(1, v)} invalid={invalid} />
      </>
    );
  }
  return <SingleValue id={id} label={t("builder.value")} kind={kind} values={values} labelOf={labelOf} value={value} onValue={onValue} invalid={invalid} />;
}

function SingleValue({ id, label, kind, values, labelOf, value, onValue, invalid }: { id: string; label: string; kind: FieldKind | PropertyKind; values?: readonly string[]; labelOf: (v: string) => string; value: unknown; onValue: (v: unknown) => void; invalid: boolean }) {
  const t = useTranslations("segments.builder");
  if ((kind === "enum" || kind === "string_array") && values) {
    return <Select id={id} label={label} value={typeof value === "string" ? value : ""} placeholder={t("choose")} invalid={invalid} onChange={(v) => onValue(v || undefined)} options={values.map((v) => ({ value: v, label: labelOf(v) }))} />;
  }
  if (kind === "boolean") {
    return (
      <Select
        id={id}
        label={label}
        value={value === true ? "true" : value === false ? "false" : ""}
        placeholder={t("choose")}
        invalid={invalid}
        onChange={(v) => onValue(v === "" ? undefined : v === "true")}
        options={[
          { value: "true", label: t("true") },
          { value: "false", label: t("false") },
        ]}
      />
    );
  }
  if (kind === "money") {
    return <ParsedInput id={id} label={label} hint={t("amountHint")} value={value as string | undefined} onValue={onValue} parse={parseRupiah} format={(v) => (v === undefined ? "" : String(v))} invalid={invalid} />;
  }
  if (kind === "gold") {
    return <ParsedInput id={id} label={label} hint={t("gramsHint")} inputMode="decimal" value={value as string | undefined} onValue={onValue} parse={parseGrams} format={gramsText} invalid={invalid} />;
  }
  if (kind === "number" || kind === "bps") {
    return <ParsedInput id={id} label={label} value={value as number | undefined} onValue={onValue} parse={(s) => (/^-?\d{1,9}$/.test(s.trim()) ? Number(s.trim()) : undefined)} format={(v) => (v === undefined ? "" : String(v))} invalid={invalid} />;
  }
  if (kind === "day") return <TextInput id={id} label={label} type="date" value={typeof value === "string" ? value : ""} onChange={(v) => onValue(v || undefined)} invalid={invalid} />;
  if (kind === "instant") return <TextInput id={id} label={label} type="date" value={typeof value === "string" ? value.slice(0, 10) : ""} onChange={(v) => onValue(dayToInstant(v))} invalid={invalid} />;
  return <TextInput id={id} label={label} value={typeof value === "string" ? value : ""} onChange={(v) => onValue(v === "" ? undefined : v)} invalid={invalid} />;
}

function EventSelect({ id, label, value, onChange, invalid }: { id: string; label: string; value: string; onChange: (v: string) => void; invalid: boolean }) {
  const t = useTranslations("segments.builder");
  const eventLabel = useEventLabel();
  const options = SEGMENT_EVENT_NAMES.map((n) => ({ value: n, label: eventLabel(n) })).sort((a, b) => a.label.localeCompare(b.label));
  return <Select id={id} label={label} value={value} placeholder={t("choose")} invalid={invalid} onChange={onChange} options={options} />;
}

function DaysInput({ id, label, value, onValue, invalid }: { id: string; label: string; value: unknown; onValue: (v: number | undefined) => void; invalid: boolean }) {
  return <ParsedInput id={id} label={label} value={value as number | undefined} onValue={onValue} parse={parseWhole} format={(v) => (v === undefined ? "" : String(v))} invalid={invalid} />;
}

function EventCountFields({ node, id, set, bad }: FieldsProps) {
  const t = useTranslations("segments");
  // null: "in the last … days" with the days still to be typed (reported as daysRequired).
  const ever = node.withinDays === undefined;
  return (
    <>
      <EventSelect id={`${id}-event`} label={t("builder.event")} value={String(node.event ?? "")} onChange={(event) => set({ event, where: [] })} invalid={bad("event")} />
      <Select id={`${id}-op`} label={t("builder.countOp")} value={String(node.op ?? "")} invalid={bad("op")} onChange={(op) => set({ op })} options={["at_least", "at_most", "exactly"].map((o) => ({ value: o, label: t(`ops.${o}`) }))} />
      <DaysInput id={`${id}-count`} label={t("builder.count")} value={node.count} onValue={(count) => set({ count })} invalid={bad("count")} />
      <Select
        id={`${id}-window`}
        label={t("builder.window")}
        value={ever ? "ever" : "last"}
        onChange={(w) => set({ withinDays: w === "ever" ? undefined : 30 })}
        options={[
          { value: "last", label: t("builder.windowLast") },
          { value: "ever", label: t("builder.windowEver") },
        ]}
      />
      {!ever ? <DaysInput key={`${id}-days`} id={`${id}-days`} label={t("builder.withinDays")} value={node.withinDays} onValue={(withinDays) => set({ withinDays: withinDays ?? null })} invalid={bad("withinDays")} /> : null}
    </>
  );
}

function NotFollowedFields({ node, id, set, bad }: FieldsProps) {
  const t = useTranslations("segments.builder");
  const ever = node.lookbackDays === undefined;
  return (
    <>
      <EventSelect id={`${id}-event`} label={t("event")} value={String(node.event ?? "")} onChange={(event) => set({ event, where: [] })} invalid={bad("event")} />
      <EventSelect id={`${id}-then`} label={t("thenEvent")} value={String(node.thenEvent ?? "")} onChange={(thenEvent) => set({ thenEvent, thenWhere: [] })} invalid={bad("thenEvent")} />
      <DaysInput id={`${id}-within`} label={t("notWithinDays")} value={node.withinDays} onValue={(withinDays) => set({ withinDays })} invalid={bad("withinDays")} />
      <Select
        id={`${id}-lookback`}
        label={t("lookback")}
        value={ever ? "ever" : "last"}
        onChange={(w) => set({ lookbackDays: w === "ever" ? undefined : 30 })}
        options={[
          { value: "ever", label: t("windowEver") },
          { value: "last", label: t("windowLast") },
        ]}
      />
      {!ever ? <DaysInput key={`${id}-lookback-days`} id={`${id}-lookback-days`} label={t("lookbackDays")} value={node.lookbackDays} onValue={(lookbackDays) => set({ lookbackDays: lookbackDays ?? null })} invalid={bad("lookbackDays")} /> : null}
    </>
  );
}

function EventTimeFields({ node, id, set, bad }: FieldsProps) {
  const t = useTranslations("segments");
  return (
    <>
      <Select
        id={`${id}-which`}
        label={t("builder.which")}
        value={String(node.which ?? "last")}
        onChange={(which) => set({ which })}
        options={[
          { value: "first", label: t("builder.first") },
          { value: "last", label: t("builder.last") },
        ]}
      />
      <EventSelect id={`${id}-event`} label={t("builder.event")} value={String(node.event ?? "")} onChange={(event) => set({ event, where: [] })} invalid={bad("event")} />
      <Select id={`${id}-op`} label={t("builder.timeOp")} value={String(node.op ?? "")} invalid={bad("op")} onChange={(op) => set({ op })} options={["more_than_days_ago", "less_than_days_ago"].map((o) => ({ value: o, label: t(`ops.${o}`) }))} />
      <DaysInput id={`${id}-days`} label={t("builder.days")} value={node.days} onValue={(days) => set({ days })} invalid={bad("days")} />
    </>
  );
}

function SegmentFields({ node, id, set, bad }: FieldsProps) {
  const t = useTranslations("segments.builder");
  const { segments } = useBuilder();
  return (
    <>
      <Select
        id={`${id}-op`}
        label={t("segmentOp")}
        value={String(node.op ?? "in")}
        onChange={(op) => set({ op })}
        options={[
          { value: "in", label: t("in") },
          { value: "not_in", label: t("not_in") },
        ]}
      />
      <Select id={`${id}-segment`} label={t("segment")} value={String(node.segmentId ?? "")} placeholder={t("choose")} invalid={bad("segmentId")} onChange={(segmentId) => set({ segmentId })} options={segments.map((s) => ({ value: s.id, label: s.name }))} />
    </>
  );
}

/** Property filters of an event condition: property (from the catalogue), operator by its kind, value. */
function Filters({ event, filters, onChange, id, legend, bad }: { event: string; filters: Node[]; onChange: (f: Node[]) => void; id: string; legend: string; bad: (i: number) => boolean }) {
  const t = useTranslations("segments");
  const props = propertiesOf(event);
  if (!event) return null;
  const kindOf = (key: string): EventProperty | undefined => props.find((p) => p.key === key);
  const setAt = (i: number, next: Node) => onChange(filters.map((f, j) => (j === i ? next : f)));
  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {props.length === 0 ? <p className="text-sm text-slate-600">{t("builder.noProperties")}</p> : null}
      {filters.map((f, i) => {
        const p = kindOf(String(f.property ?? ""));
        const ops = p ? FILTER_OPS_BY_KIND[p.kind] : [];
        const op = String(f.op ?? "");
        const fid = `${id}-${f._k ?? i}`;
        return (
          <div key={f._k ?? i} className="grid items-end gap-3 rounded-lg border border-slate-200 p-2 sm:grid-cols-2 lg:grid-cols-4" data-testid="rule-filter">
            <Select
              id={`${fid}-property`}
              label={t("builder.property")}
              value={String(f.property ?? "")}
              placeholder={t("builder.choose")}
              invalid={bad(i)}
              onChange={(property) => {
                const np = kindOf(property);
                setAt(i, { _k: f._k, type: "filter", property, op: np ? FILTER_OPS_BY_KIND[np.kind][0]! : "" });
              }}
              options={props.map((x) => ({ value: x.key, label: x.key }))}
            />
            <Select id={`${fid}-op`} label={t("builder.op")} value={op} placeholder={t("builder.choose")} invalid={bad(i)} onChange={(v) => setAt(i, withOp(f, v))} options={ops.map((o) => ({ value: o, label: t(`ops.${o}`) }))} />
            {p && op ? <FieldValue key={`${p.key}-${op}`} id={`${fid}-value`} kind={p.kind} values={p.values} op={op} value={f.value} onValue={(value) => setAt(i, { ...f, value })} invalid={bad(i)} /> : <span />}
            <Button variant="ghost" onClick={() => onChange(filters.filter((_, j) => j !== i))}>
              {t("builder.removeFilter")}
            </Button>
          </div>
        );
      })}
      {props.length > 0 ? (
        <Button variant="secondary" onClick={() => onChange([...filters, { _k: newKey(), type: "filter", property: "", op: "" }])}>
          {t("builder.addFilter")}
        </Button>
      ) : null}
    </fieldset>
  );
}

export type { ReactNode };

/**
 * The property helpers of the event catalogue (client-safe, zod only). Each returns a zod schema for the
 * property as it is STORED (after track's bigint → decimal string, Date → ISO string conversion) and
 * registers its PropertyKind, so the catalogue can say which properties an event has and of which type
 * (segments' property filters, templates, the admin reference page) from the same schemas that validate.
 */
import { z } from "zod";

/**
 * money: rupiah as a decimal string (a bigint in code); gold: 0.0001 g units as a decimal string;
 * bps: a percentage in basis points (integer); instant: an ISO-8601 time; day: "YYYY-MM-DD".
 */
export type PropertyKind = "string" | "enum" | "number" | "money" | "gold" | "bps" | "boolean" | "instant" | "day";

type KindMeta = { kind: PropertyKind };

/** Schema → kind. A custom registry (not .meta()), so the catalogue leaves zod's global registry alone. */
const KINDS = z.registry<KindMeta>();

function tag<T extends z.ZodType>(schema: T, kind: PropertyKind): T {
  KINDS.add(schema, { kind });
  return schema;
}

/** A bigint in code, stored as a decimal string (no floats, no exponent). */
const WHOLE = /^-?\d{1,30}$/;

export const text = (max?: number) => tag(max === undefined ? z.string() : z.string().max(max), "string");
/** A row id (uuid shape; z.guid accepts any 8-4-4-4-12 hex, as PostgreSQL's uuid type does). */
export const id = () => tag(z.guid(), "string");
export const int = () => tag(z.number().int(), "number");
export const num = () => tag(z.number(), "number");
export const bool = () => tag(z.boolean(), "boolean");
export const money = () => tag(z.string().regex(WHOLE, "a whole number of rupiah as a decimal string"), "money");
export const gold = () => tag(z.string().regex(WHOLE, "a whole number of 0.0001 g units as a decimal string"), "gold");
export const bps = () => tag(z.number().int(), "bps");
export const instant = () => tag(z.iso.datetime({ offset: true }), "instant");
export const day = () => tag(z.iso.date(), "day");
export function enumOf<const T extends readonly [string, ...string[]]>(values: T) {
  return tag(z.enum(values), "enum");
}
/** A list of values of one kind (e.g. the KYC steps rejected): described with the element's kind and list: true. */
export const list = <T extends z.ZodType>(element: T) => z.array(element);
/** A nested object (rare: settings snapshots): described by its leaves as dotted keys ("before.spreadBps"). */
export const nested = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);
/** A map with free keys (e.g. per bar size): described as "key.*". */
export const mapOf = <T extends z.ZodType>(value: T) => z.record(z.string(), value);

/** An event's properties: strict, so a property the catalogue does not know is a mismatch. */
export const props = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);

export type PropertyDescriptor = {
  key: string;
  kind: PropertyKind;
  values?: readonly string[];
  optional: boolean;
  /** The property holds a list of values of this kind. */
  list?: true;
};

/** Flattens an event's schema into its properties, in declaration order. */
export function describeProperties(schema: z.ZodObject): PropertyDescriptor[] {
  const out: PropertyDescriptor[] = [];
  const walk = (key: string, s: z.ZodType, optional: boolean, isList: boolean) => {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) return walk(key, s.unwrap() as z.ZodType, true, isList);
    if (s instanceof z.ZodArray) return walk(key, s.element as z.ZodType, optional, true);
    if (s instanceof z.ZodObject) {
      for (const [k, v] of Object.entries(s.shape)) walk(`${key}.${k}`, v as z.ZodType, optional, isList);
      return;
    }
    if (s instanceof z.ZodRecord) return walk(`${key}.*`, s.valueType as z.ZodType, optional, isList);
    const meta = KINDS.get(s);
    if (!meta) throw new Error(`event property ${key}: built without a catalogue helper (text(), money(), …)`);
    out.push({
      key,
      kind: meta.kind,
      ...(s instanceof z.ZodEnum ? { values: s.options as readonly string[] } : {}),
      optional,
      ...(isList ? { list: true as const } : {}),
    });
  };
  for (const [k, v] of Object.entries(schema.shape)) walk(k, v as z.ZodType, false, false);
  return out;
}

import { eventCatalogue as catalogue } from "@/lib/engagement/rules";
import { CLIENT_EVENT_NAMES, SERVER_EVENT_NAMES } from "@/lib/engagement/rules";

/** The kinds of an event property (lib/engagement/event-names.ts, the typed catalogue). */
export type PropertyKind = "string" | "enum" | "number" | "money" | "gold" | "bps" | "boolean" | "instant" | "day";
export type EventProperty = { key: string; kind: PropertyKind; values?: readonly string[]; optional: boolean };

/** Every event name a segment can count, server-side first. */
export const SEGMENT_EVENT_NAMES: readonly string[] = [...SERVER_EVENT_NAMES, ...CLIENT_EVENT_NAMES];

/**
 * An event's filterable properties from the catalogue's `eventProperties` (helper A1's typed
 * catalogue); an empty list before that lands or for an unknown name.
 */
export function propertiesOf(name: string): EventProperty[] {
  const fn = (catalogue as unknown as { eventProperties?: (n: string) => EventProperty[] }).eventProperties;
  return fn ? fn(name).filter((p) => !p.key.endsWith(".*")) : [];
}

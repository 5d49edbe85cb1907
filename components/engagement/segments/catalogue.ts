import { CLIENT_EVENT_NAMES, eventProperties, SERVER_EVENT_NAMES, type PropertyKind } from "@/lib/engagement/rules";

export type { PropertyKind };
export type EventProperty = ReturnType<typeof eventProperties>[number];

/** Every event name a segment can count, server-side first. */
export const SEGMENT_EVENT_NAMES: readonly string[] = [...SERVER_EVENT_NAMES, ...CLIENT_EVENT_NAMES];

/**
 * An event's filterable properties from the typed catalogue (lib/engagement/event-names.ts): maps
 * ("key.*") and lists are left out, the compiler filters on single values.
 */
export function propertiesOf(name: string): EventProperty[] {
  return eventProperties(name).filter((p) => !p.key.endsWith(".*") && !p.list);
}

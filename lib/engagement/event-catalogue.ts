import "server-only";
import { requireRole, type Ctx } from "@/lib/context";
import { EVENT_NAMES, eventProperties, isClientEventName, isEventName, type PropertyDescriptor } from "./event-names";
import { countEventsLastDay } from "./queries";

export type CatalogueEntry = {
  name: string;
  side: "server" | "client";
  properties: PropertyDescriptor[];
  /** How many were recorded in the last 24 hours of the clock. */
  lastDay: number;
};

/**
 * Admin: the event catalogue (every name, its side and its typed properties) with each event's count in
 * the last 24 hours, server events first in catalogue order; and the names recorded in that day that the
 * catalogue does not know (older rows), so drift shows.
 */
export async function getEventCatalogue({ ctx }: { ctx: Ctx }): Promise<{ entries: CatalogueEntry[]; unknown: { name: string; lastDay: number }[] }> {
  requireRole(ctx, "admin");
  const counts = new Map((await countEventsLastDay({ ctx })).map((c) => [c.name, Number(c.total)]));
  const entries = EVENT_NAMES.map((name) => ({
    name,
    side: isClientEventName(name) ? ("client" as const) : ("server" as const),
    properties: eventProperties(name),
    lastDay: counts.get(name) ?? 0,
  }));
  const unknown = [...counts].filter(([name]) => !isEventName(name)).map(([name, lastDay]) => ({ name, lastDay }));
  return { entries, unknown };
}

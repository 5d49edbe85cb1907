import "server-only";
import { z } from "zod";
import { getDb } from "@/db";
import { allowAnonymous, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { CLIENT_EVENT_NAMES } from "./event-names";
import { trackMany } from "./internal/track";

const ClientEvent = z.object({
  name: z.enum(CLIENT_EVENT_NAMES),
  properties: z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean(), z.null()])).default({}),
  referrer: z.string().max(500).optional(),
  utm: z
    .object({ source: z.string().max(200).optional(), medium: z.string().max(200).optional(), campaign: z.string().max(200).optional() })
    .optional(),
});

export const TrackBatchInput = z.object({ events: z.array(ClientEvent).min(1).max(50) });

/**
 * Events sent by the browser (page views, clicks). Only client event names are accepted, so a
 * browser cannot forge a server-side event such as a payment.
 */
export async function trackClientEvents({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<number> {
  allowAnonymous(ctx); // visitors too; only client event names are accepted
  const { events } = parseInput(TrackBatchInput, input);
  const userId = ctx.actor.type === "user" ? ctx.actor.userId : null;
  const anonymousId = ctx.request?.anonymousId ?? null;
  if (!userId && !anonymousId) return 0;
  await trackMany(
    ctx.tx ?? getDb(),
    events.map((e) => ({
      name: e.name,
      userId,
      anonymousId,
      properties: e.properties,
      context: {
        page: typeof e.properties.path === "string" ? e.properties.path : undefined,
        referrer: e.referrer,
        locale: ctx.request?.locale,
        userAgent: ctx.request?.userAgent,
        utm: e.utm,
      },
    })),
  );
  return events.length;
}

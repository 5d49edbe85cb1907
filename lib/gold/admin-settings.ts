import "server-only";
import { recordAdminDecision } from "@/lib/audit";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { parseInput } from "@/lib/errors";
import { writeSetting } from "@/lib/system";
import { publishGoldPrice } from "./internal/prices";
import { GOLD_BARS, UpdateGoldSettingsInput, type GoldBarGrams } from "./schemas";
import { GOLD_SETTINGS_KEY, readGoldSettings, type GoldSettings } from "./internal/settings";
import { toStored } from "./settings";

/** Admin query: the settings for the admin form. */
export async function getGoldSettings({ ctx }: { ctx: Ctx }): Promise<GoldSettings> {
  requireRole(ctx, "admin");
  return withTransaction(ctx, (tx) => readGoldSettings(tx));
}

/**
 * Admin verb: base price, spread, USD→IDR rate and (optionally) bar fees and lead times per bar size
 * (sizes not given keep their value; new bar requests use the new values, existing ones keep theirs). A price with the new base and
 * spread is published in the same transaction, so lenders see it at once; an audit row and an event
 * record the change.
 */
export async function updateGoldSettings({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<GoldSettings> {
  const actor = requireRole(ctx, "admin");
  const data = parseInput(UpdateGoldSettingsInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await readGoldSettings(tx);
    const fees = { ...before.withdrawalFees };
    for (const [k, v] of Object.entries(data.withdrawalFees ?? {})) {
      const g = Number(k) as GoldBarGrams;
      if ((GOLD_BARS as readonly number[]).includes(g)) fees[g] = v;
    }
    const lead = { ...before.leadTimeDays };
    for (const [k, v] of Object.entries(data.leadTimeDays ?? {})) {
      const g = Number(k) as GoldBarGrams;
      if ((GOLD_BARS as readonly number[]).includes(g)) lead[g] = v;
    }
    const next: GoldSettings = { ...before, basePerGram: data.basePerGram, spreadBps: data.spreadBps, usdIdrRate: data.usdIdrRate, withdrawalFees: fees, leadTimeDays: lead };
    await writeSetting(tx, GOLD_SETTINGS_KEY, toStored(next));
    const details = { before: toStored(before), after: toStored(next) };
    await recordAdminDecision(tx, ctx, { action: "gold.settings_updated", subject: { type: "settings", id: "gold" }, ...details });
    await track(tx, { name: "gold_settings_updated", userId: actor.userId, properties: details, context: ctx.request });
    await publishGoldPrice(tx);
    return next;
  });
}

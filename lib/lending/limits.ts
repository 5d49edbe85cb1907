import "server-only";
import { z } from "zod";
import { requireRole, withTransaction, dbOf, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { zRupiah } from "@/lib/money/rupiah";
import { writeSetting } from "@/lib/system";
import { readLenderLimitSettings, lenderLimit, LENDER_LIMITS_KEY, type LenderLimitSettings, type LenderLimit } from "./internal/limits";
import { MyLenderLimitInput } from "./schemas";

export const LenderLimitSettingsInput = z.object({
  professionalIncomeAbove: zRupiah({ min: 1n }),
  nonProfessionalPct: z.coerce.number<number>().int("wholeNumber").min(1, "atLeastOne").max(100, "tooLarge"),
  professionalPct: z.coerce.number<number>().int("wholeNumber").min(1, "atLeastOne").max(100, "tooLarge"),
});

/** Admin: changes the lender limits. */
export async function updateLenderLimitSettings({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<LenderLimitSettings> {
  requireRole(ctx, "admin");
  const data = parseInput(LenderLimitSettingsInput, input);
  return withTransaction(ctx, async (tx) => {
    await writeSetting(tx, LENDER_LIMITS_KEY, { ...data, professionalIncomeAbove: data.professionalIncomeAbove.toString() });
    return readLenderLimitSettings(tx);
  });
}

/** The signed-in lender's limit (for the dashboard and the invest form). */
export async function getMyLenderLimit({ ctx, input }: { ctx: Ctx; input?: unknown }): Promise<LenderLimit> {
  const actor = requireRole(ctx, "lender");
  const { outstanding } = parseInput(MyLenderLimitInput, input ?? {});
  return lenderLimit(dbOf(ctx), actor.userId, outstanding);
}

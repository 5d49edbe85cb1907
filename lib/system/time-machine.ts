import "server-only";
import { recordAdminDecision } from "@/lib/audit";
import { getClockOffsetMs, now, setClockOffsetMs } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { env } from "@/lib/env";
import { Forbidden, parseInput } from "@/lib/errors";
import { track } from "@/lib/engagement";
import { readSetting, writeSetting } from "./internal/settings";
import { AdvanceClockInput } from "./schemas";
import { TIME_JUMP_HOOKS } from "./time-jump-hooks";
import { CLOCK_OFFSET_KEY } from "./internal/time-machine";


/** Demo mode only: moves every process's clock forward. Time never goes back. */
export async function advanceClock({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<Date> {
  const actor = requireRole(ctx, "admin");
  if (!env().demoMode) throw new Forbidden("The time machine exists only in demo mode.");
  const { amount, unit } = parseInput(AdvanceClockInput, input);
  const deltaMs = amount * (unit === "hours" ? 3_600_000 : 86_400_000);
  return withTransaction(ctx, async (tx) => {
    const current = (await readSetting<number>(tx, CLOCK_OFFSET_KEY)) ?? 0;
    const next = current + deltaMs;
    const from = now();
    await writeSetting(tx, CLOCK_OFFSET_KEY, next);
    setClockOffsetMs(next);
    const to = now();
    await recordAdminDecision(tx, ctx, {
      action: "clock.advanced",
      subject: { type: "clock", id: "offset" },
      before: { offsetMs: current, now: from },
      after: { offsetMs: next, now: to },
      details: { amount, unit },
    });
    // Each area catches up with the new date now (servicing, recurring buys, holdback ends…), not at its next run.
    for (const hook of TIME_JUMP_HOOKS) await hook.catchUp(tx, { from, to });
    await track(tx, {
      name: "clock_advanced",
      userId: actor.userId,
      properties: { amount, unit, offsetMs: next },
      context: ctx.request,
    });
    return to;
  });
}

export function currentOffsetMs(): number {
  return getClockOffsetMs();
}

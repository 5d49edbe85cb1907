import "server-only";
import { eq } from "drizzle-orm";
import { settings } from "@/db/schema";
import { recordAdminDecision } from "@/lib/audit";
import { getClockOffsetMs, now, setClockOffsetMs } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { env } from "@/lib/env";
import { Forbidden, parseInput } from "@/lib/errors";
import { track } from "@/lib/engagement";
import { writeSetting } from "./internal/settings";
import { AdvanceClockInput } from "./schemas";
import { TIME_JUMP_HOOKS } from "./time-jump-hooks";
import { CLOCK_OFFSET_KEY, offsetFromSetting } from "./internal/time-machine";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** How far a jump moves the clock, in milliseconds; `amount` must already be a parsed whole number. */
export function jumpMs(amount: number, unit: "hours" | "days"): number {
  if (typeof amount !== "number" || !Number.isSafeInteger(amount)) throw new TypeError("amount must be a whole number");
  return amount * (unit === "hours" ? HOUR_MS : DAY_MS);
}

const requestKey = (requestId: string) => `clock.jump.${requestId}`;

/**
 * Demo mode only: moves every process's clock forward. Time never goes back. Jumps are serialised
 * on the offset's row (each adds to the offset the previous one committed, read under the lock), and
 * a request id is applied once: the second of two identical submits finds its key taken and
 * returns the clock as it stands.
 */
export async function advanceClock({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<Date> {
  const actor = requireRole(ctx, "admin");
  if (!env().demoMode) throw new Forbidden("The time machine exists only in demo mode.");
  const { amount, unit, requestId } = parseInput(AdvanceClockInput, input);
  const deltaMs = jumpMs(amount, unit);
  const before = getClockOffsetMs();
  return withTransaction(ctx, async (tx) => {
    // The offset row exists before it is locked, so two first-ever jumps also queue behind each other.
    await tx.insert(settings).values({ key: CLOCK_OFFSET_KEY, value: 0, updatedAt: now() }).onConflictDoNothing();
    const [locked] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, CLOCK_OFFSET_KEY)).for("update");
    const current = offsetFromSetting(locked?.value);
    if (requestId) {
      const [claimed] = await tx
        .insert(settings)
        .values({ key: requestKey(requestId), value: { amount, unit, adminId: actor.userId }, updatedAt: now() })
        .onConflictDoNothing()
        .returning({ key: settings.key });
      if (!claimed) {
        setClockOffsetMs(current);
        return now();
      }
    }
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
      details: { amount, unit, requestId: requestId ?? null },
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
  }).catch((e: unknown) => {
    // Nothing was committed: this process's clock goes back to where it was.
    setClockOffsetMs(before);
    throw e;
  });
}

export function currentOffsetMs(): number {
  return getClockOffsetMs();
}

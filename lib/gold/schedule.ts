/**
 * When a recurring buy runs, pure. Plans run at a whole hour in Asia/Jakarta (UTC+7 all year:
 * Indonesia has no daylight saving, so a fixed offset is exact and needs no time-zone library):
 * daily; weekly on dayOfWeek (1 = Monday … 7 = Sunday); monthly on dayOfMonth (1–28, so every month
 * has it).
 */
export type PlanSchedule = { frequency: "daily" | "weekly" | "monthly"; hour: number; dayOfWeek?: number | null; dayOfMonth?: number | null };

const WIB_MS = 7 * 3_600_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A Jakarta wall-clock time (as UTC fields) → the instant. */
function fromWib(y: number, m: number, d: number, hour: number): Date {
  return new Date(Date.UTC(y, m, d, hour) - WIB_MS);
}

/** The first scheduled time strictly after `after`. */
export function nextRunAfter(plan: PlanSchedule, after: Date): Date {
  const local = new Date(after.getTime() + WIB_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const d = local.getUTCDate();
  if (plan.frequency === "monthly") {
    const dom = plan.dayOfMonth ?? 1;
    for (let i = 0; i < 3; i++) {
      const t = fromWib(y, m + i, dom, plan.hour);
      if (t.getTime() > after.getTime()) return t;
    }
    throw new Error("gold: no monthly run found");
  }
  for (let i = 0; i < 9; i++) {
    const t = fromWib(y, m, d + i, plan.hour);
    if (t.getTime() <= after.getTime()) continue;
    if (plan.frequency === "daily") return t;
    // ISO weekday of the Jakarta date: getUTCDay() of the shifted instant, Sunday 0 → 7.
    const wd = new Date(t.getTime() + WIB_MS).getUTCDay() || 7;
    if (wd === (plan.dayOfWeek ?? 1)) return t;
  }
  throw new Error("gold: no weekly run found");
}

/** Every scheduled time in (from, to], in order, starting with `first` if it is ≤ to (at most `limit`). */
export function runsBetween(plan: PlanSchedule, first: Date, to: Date, limit = 400): Date[] {
  const out: Date[] = [];
  let t = first;
  while (t.getTime() <= to.getTime() && out.length < limit) {
    out.push(t);
    t = nextRunAfter(plan, t);
  }
  return out;
}

export { DAY_MS };

import { describe, expect, it } from "vitest";
import { nextRunAfter, runsBetween } from "./schedule";

describe("recurring schedule (Asia/Jakarta, UTC+7)", () => {
  it("daily at 08:00 WIB = 01:00 UTC", () => {
    expect(nextRunAfter({ frequency: "daily", hour: 8 }, new Date("2026-11-20T00:30:00Z")).toISOString()).toBe("2026-11-20T01:00:00.000Z");
    expect(nextRunAfter({ frequency: "daily", hour: 8 }, new Date("2026-11-20T01:00:00Z")).toISOString()).toBe("2026-11-21T01:00:00.000Z");
    // 03:00 WIB is 20:00 UTC the day before; after 21:00 UTC (04:00 WIB on the 21st) the next is 22nd 03:00 WIB.
    expect(nextRunAfter({ frequency: "daily", hour: 3 }, new Date("2026-11-20T21:00:00Z")).toISOString()).toBe("2026-11-21T20:00:00.000Z");
  });

  it("weekly on a Jakarta weekday", () => {
    // 2026-11-23 is a Monday.
    const t = nextRunAfter({ frequency: "weekly", hour: 9, dayOfWeek: 1 }, new Date("2026-11-20T00:00:00Z"));
    expect(t.toISOString()).toBe("2026-11-23T02:00:00.000Z");
    expect(nextRunAfter({ frequency: "weekly", hour: 9, dayOfWeek: 1 }, t).toISOString()).toBe("2026-11-30T02:00:00.000Z");
  });

  it("monthly on a day of the month, across the year end", () => {
    expect(nextRunAfter({ frequency: "monthly", hour: 0, dayOfMonth: 1 }, new Date("2026-12-15T00:00:00Z")).toISOString()).toBe("2026-12-31T17:00:00.000Z");
    expect(nextRunAfter({ frequency: "monthly", hour: 10, dayOfMonth: 28 }, new Date("2026-11-28T03:00:00Z")).toISOString()).toBe("2026-12-28T03:00:00.000Z");
  });

  it("lists every run in a period once", () => {
    const plan = { frequency: "daily" as const, hour: 8 };
    const first = nextRunAfter(plan, new Date("2026-11-20T00:00:00Z"));
    expect(runsBetween(plan, first, new Date("2026-12-25T00:00:00Z"))).toHaveLength(35);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { profiles, rfmScores } from "@/db/schema";
import { now, setNow } from "@/lib/clock";
import { startJobQueue } from "@/lib/jobs/boss";
import { goldLender, trade } from "@/lib/gold/test-helpers";
import { createTestUser } from "@/lib/testing/factories";
import { recomputeRfm } from "./internal/recompute-rfm";
import { refreshTraits } from "./internal/refresh-traits";
import { scoreRfm } from "./rfm";

const DAY = 86_400_000;
const START = new Date("2026-01-01T03:00:00Z");

beforeAll(async () => {
  await startJobQueue();
});

describe("recomputeRfm", () => {
  it("scores active lenders by quintile as rfm.ts does, keeps the day's history, replaces a rerun and clears lenders gone quiet", async () => {
    setNow(START);
    // Six lenders: buys of different sizes at different times over the last months.
    const plans: { daysAgo: number[]; amount: string }[] = [
      { daysAgo: [60, 30, 2], amount: "5000000" },
      { daysAgo: [200, 100], amount: "1000000" },
      { daysAgo: [300], amount: "20000000" },
      { daysAgo: [10, 9, 8, 7, 6], amount: "500000" },
      { daysAgo: [1], amount: "100000" },
      { daysAgo: [45, 44], amount: "2000000" },
    ];
    const end = new Date(START.getTime() + 300 * DAY);
    const people = [];
    for (const plan of plans) people.push({ ...(await goldLender(1_000_000_000n)), plan });
    const moves = people.flatMap((p) => p.plan.daysAgo.map((d) => ({ p, at: end.getTime() - d * DAY })));
    moves.sort((a, b) => a.at - b.at);
    for (const m of moves) {
      setNow(new Date(m.at));
      await trade(m.p.ctx, "buy", "rupiah", m.p.plan.amount);
    }
    const quiet = await createTestUser("lender"); // never bought: not scored
    setNow(end);
    await refreshTraits(getDb(), {});
    const { scored } = await recomputeRfm(getDb());
    expect(scored).toBe(6);

    const expected = scoreRfm(
      people.map((p) => ({
        userId: p.user.id,
        recencyDays: Math.min(...p.plan.daysAgo),
        frequency: p.plan.daysAgo.length,
        monetary: BigInt(p.plan.amount) * BigInt(p.plan.daysAgo.length),
      })),
    );
    const rows = await getDb().select().from(rfmScores).where(inArray(rfmScores.userId, people.map((p) => p.user.id)));
    expect(rows).toHaveLength(6);
    for (const e of expected) {
      const row = rows.find((r) => r.userId === e.userId)!;
      // Gold is bought in whole 0.0001 g units: the rupiah charged may be a little under the amount asked.
      expect(row.monetary <= e.monetary && row.monetary > e.monetary - 1000n * BigInt(e.frequency)).toBe(true);
      expect({ recencyDays: row.recencyDays, frequency: row.frequency, r: row.r, f: row.f }).toEqual({ recencyDays: e.recencyDays, frequency: e.frequency, r: e.r, f: e.f });
      const [p] = await getDb().select().from(profiles).where(eq(profiles.userId, e.userId));
      expect({ r: p!.rfmRecency, f: p!.rfmFrequency, m: p!.rfmMonetary, segment: p!.rfmSegment }).toEqual({ r: row.r, f: row.f, m: row.m, segment: row.segment });
    }
    // Monetary scores agree with the pure scoring of the stored amounts.
    const pure = scoreRfm(rows.map((r) => ({ userId: r.userId, recencyDays: r.recencyDays, frequency: r.frequency, monetary: r.monetary })));
    for (const p of pure) expect(rows.find((r) => r.userId === p.userId)!.segment).toBe(p.segment);
    const [q] = await getDb().select().from(profiles).where(eq(profiles.userId, quiet.user.id));
    expect(q!.rfmSegment).toBeNull();

    // A rerun later the same day replaces the day's rows.
    setNow(new Date(end.getTime() + 3_600_000));
    await recomputeRfm(getDb());
    expect(await getDb().select().from(rfmScores).where(inArray(rfmScores.userId, people.map((p) => p.user.id)))).toHaveLength(6);

    // 70 days on: the lender whose only buy was 300 days ago has dropped out; the rest get a second day of history.
    setNow(new Date(end.getTime() + 70 * DAY));
    expect((await recomputeRfm(getDb())).scored).toBe(5);
    const gone = people[2]!.user.id;
    const [g] = await getDb().select().from(profiles).where(eq(profiles.userId, gone));
    expect(g!.rfmSegment).toBeNull();
    const history = await getDb().select().from(rfmScores).where(eq(rfmScores.userId, people[0]!.user.id)).orderBy(asc(rfmScores.scoredOn));
    expect(history).toHaveLength(2);
    expect(now().getTime()).toBe(end.getTime() + 70 * DAY);
  });
});

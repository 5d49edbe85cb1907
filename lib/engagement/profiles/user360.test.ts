import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { rfmScores, segmentMembers, segments } from "@/db/schema";
import { now, setNow } from "@/lib/clock";
import { isDomainError } from "@/lib/errors";
import { trackMany } from "@/lib/engagement/internal/track";
import { creditWallet } from "@/lib/loans/test-helpers";
import { createTestUser } from "@/lib/testing/factories";
import { getUser360, listUserEvents, transitionsOf } from "./user360";

const rejected = (p: Promise<unknown>) => p.then(() => null, (e) => e);

beforeAll(() => setNow("2026-03-02T03:00:00Z"));

describe("user 360", () => {
  it("refuses anyone but an admin (403) on both queries", async () => {
    const lender = await createTestUser("lender");
    const borrower = await createTestUser("borrower");
    for (const ctx of [lender.ctx, borrower.ctx]) {
      for (const call of [getUser360({ ctx, input: { userId: lender.user.id } }), listUserEvents({ ctx, input: { userId: lender.user.id } })]) {
        const e = await rejected(call);
        expect(isDomainError(e) && e.status).toBe(403);
      }
    }
  });

  it("shows the current profile (refreshed on open), RFM history with transitions, segments and a paginated, filterable timeline", async () => {
    const admin = await createTestUser("admin");
    const lender = await createTestUser("lender");
    await creditWallet(lender.user.id, 1_500_000n);
    const base = now().getTime();
    await trackMany(
      getDb(),
      Array.from({ length: 25 }, (_, i) => ({ name: i % 5 === 0 ? ("session_started" as const) : ("page_viewed" as const), userId: lender.user.id, properties: { path: `/p/${i}` }, occurredAt: new Date(base - (25 - i) * 60_000) })),
    );
    const [seg] = await getDb().insert(segments).values({ name: "Idle cash", rule: {}, createdAt: now(), updatedAt: now() }).returning();
    await getDb().insert(segmentMembers).values({ segmentId: seg!.id, userId: lender.user.id, enteredAt: now() });
    await getDb().insert(rfmScores).values([
      { userId: lender.user.id, scoredOn: "2026-02-27", recencyDays: 3, frequency: 2, monetary: 100n, r: 5, f: 1, m: 1, segment: "new" },
      { userId: lender.user.id, scoredOn: "2026-02-28", recencyDays: 4, frequency: 2, monetary: 100n, r: 5, f: 1, m: 1, segment: "new" },
      { userId: lender.user.id, scoredOn: "2026-03-01", recencyDays: 40, frequency: 2, monetary: 100n, r: 3, f: 1, m: 1, segment: "about_to_sleep" },
    ]);

    const view = await getUser360({ ctx: admin.ctx, input: { userId: lender.user.id } });
    expect(view.user.email).toBe(lender.user.email);
    expect(view.profile).toMatchObject({ role: "lender", cashBalance: 1_500_000n, idleCash: 1_500_000n });
    expect(view.rfmHistory.map((h) => h.scoredOn)).toEqual(["2026-03-01", "2026-02-28", "2026-02-27"]);
    expect(view.rfmTransitions).toEqual([
      { on: "2026-03-01", from: "new", to: "about_to_sleep" },
      { on: "2026-02-27", from: null, to: "new" },
    ]);
    expect(view.segments.map((s) => s.name)).toEqual(["Idle cash"]);

    const first = await listUserEvents({ ctx: admin.ctx, input: { userId: lender.user.id } });
    expect(first.total).toBe(25);
    expect(first.items).toHaveLength(20);
    expect(first.items[0]!.properties).toEqual({ path: "/p/24" });
    const second = await listUserEvents({ ctx: admin.ctx, input: { userId: lender.user.id, page: "2" } });
    expect(second.items).toHaveLength(5);
    const sessions = await listUserEvents({ ctx: admin.ctx, input: { userId: lender.user.id, name: "session_started" } });
    expect(sessions.total).toBe(5);
    expect(sessions.items.every((e) => e.name === "session_started")).toBe(true);

    // An admin has no profile; an unknown or malformed id is a 404.
    expect((await getUser360({ ctx: admin.ctx, input: { userId: admin.user.id } })).profile).toBeNull();
    for (const userId of ["00000000-0000-4000-8000-000000000000", "nope"]) {
      const e = await rejected(getUser360({ ctx: admin.ctx, input: { userId } }));
      expect(isDomainError(e) && e.status).toBe(404);
    }
  });

  it("transitionsOf lists each change once, newest first", () => {
    expect(transitionsOf([])).toEqual([]);
    expect(transitionsOf([{ scoredOn: "a", segment: "x" }, { scoredOn: "b", segment: "x" }, { scoredOn: "c", segment: "y" }, { scoredOn: "d", segment: "x" }])).toEqual([
      { on: "d", from: "y", to: "x" },
      { on: "c", from: "x", to: "y" },
      { on: "a", from: null, to: "x" },
    ]);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { rowsOf } from "@/db/rows";
import { profiles, segments } from "@/db/schema";
import { now, setNow } from "@/lib/clock";
import { trackMany } from "@/lib/engagement/internal/track";
import { compileSegment } from "@/lib/engagement/segments/compile";
import { SegmentRule } from "@/lib/engagement/segments/definition";
import { createTestUser } from "@/lib/testing/factories";
import { testDatabase } from "@/lib/testing/db";
import { SEEDED_SEGMENTS, seedSegments } from "./segments";

type ProfileInput = Partial<typeof profiles.$inferInsert>;

async function person(role: "lender" | "borrower", profile: ProfileInput): Promise<string> {
  const { user } = await createTestUser(role);
  await getDb().insert(profiles).values({ userId: user.id, role, signedUpAt: now(), updatedAt: now(), ...profile });
  return user.id;
}

async function membersOf(key: string): Promise<string[]> {
  return rowsOf<{ user_id: string }>(
    await getDb().execute(sql`select m.user_id::text as user_id from segment_members m join segments s on s.id = m.segment_id where s.key = ${key}`),
  ).map((r) => r.user_id);
}

const DAY = 86_400_000;

describe("seeded segments", () => {
  beforeAll(() => setNow("2026-12-01T03:00:00Z"));

  it("are valid rules with unique keys, one per KYC step and RFM segment", () => {
    const keys = SEEDED_SEGMENTS.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of SEEDED_SEGMENTS) expect(SegmentRule.safeParse(s.rule).success, s.key).toBe(true);
    expect(keys.filter((k) => k.startsWith("kyc_abandoned_"))).toHaveLength(6);
    expect(keys.filter((k) => k.startsWith("rfm_"))).toHaveLength(10);
  });

  it("are created once, compute their members, and each compiles and counts", async () => {
    const t = now().getTime();
    const fresh = await person("lender", { kycStatus: "not_started", signedUpAt: new Date(t - 3 * DAY) });
    const stuck = await person("lender", { kycStatus: "draft", kycStep: "address", signedUpAt: new Date(t - 10 * DAY) });
    await getDb().transaction((tx) =>
      trackMany(tx, [{ name: "kyc_step_completed", userId: stuck, properties: { step: "ktp_photo", resubmission: false }, occurredAt: new Date(t - 2 * DAY) }]),
    );
    const sleeper = await person("lender", { kycStatus: "approved", accountValue: 5_000_000n, lastActiveAt: new Date(t - 40 * DAY), signedUpAt: new Date(t - 100 * DAY) });
    const late = await person("borrower", { daysPastDue: 4 });
    const due = await person("borrower", { nextDueDate: "2026-12-03" });
    const champion = await person("lender", { rfmSegment: "champions", kycStatus: "approved" });
    const jakarta = await person("lender", { language: "id", city: "Kota Jakarta Selatan" });

    expect(await seedSegments(testDatabase())).toEqual({ created: SEEDED_SEGMENTS.length });
    expect(await seedSegments(testDatabase())).toEqual({ created: 0 });

    expect(await membersOf("new_lenders_without_kyc")).toEqual(expect.arrayContaining([fresh, stuck]));
    expect(await membersOf("kyc_abandoned_address")).toEqual([stuck]);
    expect(await membersOf("kyc_abandoned_selfie")).toEqual([]);
    expect(await membersOf("inactive_lenders_1m_10m")).toEqual([sleeper]);
    expect(await membersOf("kyc_approved_not_topped_up")).toEqual(expect.arrayContaining([sleeper, champion]));
    expect(await membersOf("borrowers_late")).toEqual([late]);
    expect(await membersOf("borrowers_due_3_days")).toEqual([due]);
    expect(await membersOf("rfm_champions")).toEqual([champion]);
    expect(await membersOf("bahasa_jakarta")).toEqual([jakarta]);

    for (const s of SEEDED_SEGMENTS) {
      const [row] = await getDb().select().from(segments).where(eq(segments.key, s.key));
      const counted = rowsOf<{ n: string | number }>(
        await getDb().execute(sql`select count(*) as n from (${compileSegment(SegmentRule.parse(s.rule), { now: now() })}) q`),
      );
      expect(row!.memberCount, s.key).toBe(Number(counted[0]!.n));
      expect(row!.refreshedAt, s.key).not.toBeNull();
    }
  });
});

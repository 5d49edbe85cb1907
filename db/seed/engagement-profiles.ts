import { asc, desc, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { goldPrices, users, type Acquisition, type Locale } from "@/db/schema";
import { findUserByEmail } from "@/lib/auth/internal/users";
import { now, setNow } from "@/lib/clock";
import { systemCtx } from "@/lib/context";
import { trackMany } from "@/lib/engagement/internal/track";
import { recomputeRfm } from "@/lib/engagement/profiles/internal/recompute-rfm";
import { refreshTraits } from "@/lib/engagement/profiles/internal/refresh-traits";
import { computeTrade } from "@/lib/gold/trade-math";
import { executeGoldTrade } from "@/lib/gold/internal/trade-core";
import { recordVerifiedLenderFixture } from "@/lib/kyc/internal/verified-lender";
import { requestTopUp, simulateSandboxPayment } from "@/lib/payments";
import { seedUserCtx } from "./acting";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A crowd of demo lenders for the engagement layer: the seed has only a handful of lenders, too few for
 * quintiles to spread over the ten RFM segments. Each crowd lender signs up, is verified (the same
 * fixture as the extra marketplace lenders), tops up through the sandbox gateway and buys gold on past
 * days, all with the clock pinned to those days (as db/seed/loans.ts backdates loans), so trades,
 * ledger transfers and events carry their real past times. Each buy is pinned to the instant of a
 * stored demo price, so no price is published in the past. Their activity is gold only: loans can
 * only be invested in while they are listed (now), and the marketplace's funding levels are left as
 * db/seed/loans.ts made them. Lender archetypes (last buy, number of buys a week apart, rupiah each)
 * are chosen to land in every corner of the R×FM grid; as quintiles are relative, the seeded demo
 * lenders' own investments shift the exact boundaries.
 */
type Member = { name: string; locale: Locale; lastDaysAgo: number; buys: number; amount: bigint; channel: Acquisition; device: [string, string] };

const CHANNELS: Acquisition[] = [
  { source: "google", medium: "cpc", campaign: "emas-lebaran" },
  { source: "instagram", medium: "social", campaign: "nabung-emas" },
  { source: "tiktok", medium: "social", campaign: "p2p-pemula" },
  { source: "referral", medium: "friend" },
  { source: "seed", medium: "demo" },
];
const DEVICES: [string, string][] = [
  ["mobile", "Chrome"],
  ["mobile", "Safari"],
  ["desktop", "Chrome"],
  ["desktop", "Firefox"],
  ["tablet", "Safari"],
];

// [name, last buy (days ago), buys, rupiah per buy] — grouped by the segment each aims at.
const ARCHETYPES: [string, number, number, bigint][] = [
  ["Bayu Firmansyah", 1, 6, 5_000_000n], // champions
  ["Citra Dewanti", 3, 5, 4_000_000n],
  ["Fajar Nugroho", 35, 5, 4_000_000n], // loyal
  ["Gita Permata", 40, 4, 5_000_000n],
  ["Hadi Kusuma", 4, 3, 1_000_000n], // potential loyalist
  ["Indah Sari", 6, 2, 1_500_000n],
  ["Joko Susanto", 1, 1, 100_000n], // new
  ["Lukman Hakim", 20, 1, 250_000n], // promising
  ["Mega Puspita", 24, 2, 150_000n],
  ["Nanda Saputra", 60, 3, 1_000_000n], // need attention
  ["Oki Setiawan", 70, 3, 750_000n],
  ["Putri Maharani", 95, 1, 300_000n], // about to sleep
  ["Rizky Ramadhan", 100, 2, 200_000n],
  ["Sinta Wulandari", 120, 4, 3_000_000n], // at risk
  ["Taufik Hidayat", 130, 4, 4_000_000n],
  ["Umi Kalsum", 140, 6, 6_000_000n], // can't lose them
  ["Vino Bastian", 145, 5, 8_000_000n],
  ["Wulan Guritno", 150, 1, 100_000n], // hibernating
  ["Yoga Pratama", 148, 2, 150_000n],
];

export const CROWD: Member[] = ARCHETYPES.map(([name, lastDaysAgo, buys, amount], i) => ({
  name,
  locale: i % 3 === 0 ? "en" : "id",
  lastDaysAgo,
  buys,
  amount,
  channel: CHANNELS[i % CHANNELS.length]!,
  device: DEVICES[i % DEVICES.length]!,
}));

export const crowdEmail = (i: number) => `crowd${String(i + 1).padStart(2, "0")}@lumbung.test`;

/** The stored price in force at `at` (the earliest one when none is that old). */
async function priceAt(db: Db, at: Date) {
  const [before] = await db.select().from(goldPrices).where(lte(goldPrices.at, at)).orderBy(desc(goldPrices.at), desc(goldPrices.id)).limit(1);
  if (before) return before;
  const [first] = await db.select().from(goldPrices).orderBy(asc(goldPrices.at)).limit(1);
  return first;
}

async function seedCrowdMember(db: Db, passwordHash: string, m: Member, email: string, realNow: Date): Promise<void> {
  // Buys a week apart, the last one `lastDaysAgo` days back; each pinned to a stored price's instant.
  const times: Date[] = [];
  for (let k = m.buys - 1; k >= 0; k--) {
    const price = await priceAt(db, new Date(realNow.getTime() - (m.lastDaysAgo + 7 * k) * DAY));
    if (!price) return; // no gold prices at all: nothing to buy with
    times.push(price.at);
  }
  const first = times[0]!;
  setNow(new Date(first.getTime() - 2 * DAY));
  const at = now();
  const [user] = await db
    .insert(users)
    .values({ email, passwordHash, role: "lender", fullName: m.name, phone: "081200000000", locale: m.locale, acquisition: m.channel, createdAt: at, updatedAt: at })
    .returning();
  const userId = user!.id;
  await trackMany(db, [{ name: "user_signed_up", userId, properties: { role: "lender", locale: m.locale, acquisitionSource: m.channel.source ?? "seed" } }]);
  await recordVerifiedLenderFixture(db, userId);
  setNow(new Date(first.getTime() - DAY));
  const ctx = seedUserCtx(userId, "lender");
  const total = m.amount * BigInt(m.buys) + 500_000n;
  for (let left = total; left > 0n; ) {
    const part = left > 100_000_000n ? 100_000_000n : left;
    const topUp = await requestTopUp({ ctx, input: { method: "va", bank: "BCA", amount: part.toString() } });
    await simulateSandboxPayment({ ctx: systemCtx("seed"), input: { providerReference: topUp.providerReference } });
    left -= part;
  }
  for (const [k, when] of times.entries()) {
    const price = await priceAt(db, when);
    setNow(when);
    await trackMany(db, [{ name: "session_started", userId, properties: { path: "/lender/gold", device: m.device[0], browser: m.device[1] } }]);
    await executeGoldTrade(db, {
      userId,
      amounts: computeTrade("buy", "rupiah", m.amount, price!.buyPerGram),
      quoteId: null,
      source: "manual",
      idempotencyKey: `seed:crowd:${email}:${k}`,
    });
  }
}

/**
 * The engagement profiles of the demo: the crowd (skipped per member once their account exists), then
 * every lender's and borrower's traits and today's RFM scores, as the nightly job computes them.
 * Segments (db/seed/segments.ts) are computed after this, so the RFM segments have members.
 */
export async function seedEngagementProfiles(db: Db, passwordHash: string): Promise<void> {
  const realNow = now();
  try {
    for (const [i, m] of CROWD.entries()) {
      const email = crowdEmail(i);
      if (await findUserByEmail(db, email)) continue;
      await seedCrowdMember(db, passwordHash, m, email, realNow);
    }
  } finally {
    setNow(null);
  }
  await db.transaction(async (tx) => {
    await refreshTraits(tx, {});
    await recomputeRfm(tx);
  });
}

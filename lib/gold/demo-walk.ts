/**
 * The demo provider's price path, pure and deterministic: the same instant gives the same price in
 * every process and every test run. Each Jakarta day (UTC+7, no DST) opens at a seeded offset of
 * ±1% from the base price, then walks in 5-minute steps of up to ±0.10%, clamped to ±1.5% of base.
 * The seed is the day number, so a day's path is reproducible and a new day starts a new walk.
 */
export const WALK_BUCKET_MS = 5 * 60_000;
export const WALK_MAX_BPS = 150;
const WIB_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** mulberry32: a tiny seeded PRNG; returns floats in [0, 1). Good enough for a demo walk. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randInt(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/** Offset from base in bps at an instant (integer, within ±WALK_MAX_BPS). */
export function demoOffsetBps(at: Date): number {
  const local = at.getTime() + WIB_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const bucket = Math.floor((local - day * DAY_MS) / WALK_BUCKET_MS);
  const rand = mulberry32(day * 2_654_435_761 + 0x9e3779b9);
  let offset = randInt(rand, -100, 100);
  for (let i = 0; i < bucket; i++) {
    offset = Math.max(-WALK_MAX_BPS, Math.min(WALK_MAX_BPS, offset + randInt(rand, -10, 10)));
  }
  return offset;
}

/** Mid price per gram at an instant: base × (1 + offset), whole rupiah half up. */
export function demoMidAt(basePerGram: bigint, at: Date): bigint {
  const bps = BigInt(10_000 + demoOffsetBps(at));
  return (basePerGram * bps * 2n + 10_000n) / 20_000n;
}

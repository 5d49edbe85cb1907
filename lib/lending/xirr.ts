/**
 * XIRR: the annual rate r at which the dated cash flows' present value is zero,
 * Σ amount_i / (1 + r)^((t_i − t_0) / 365 days) = 0. Amounts are bigint rupiah (negative = money out,
 * positive = money in); only the rate is a float. Newton's method from a guess, falling back to
 * bisection over the whole domain (−100 %, ∞) in log space when Newton leaves the domain or does not
 * converge — so a near-total loss over a short horizon gets its true rate (about −100 %), not null.
 */
export type DatedCashFlow = { at: Date; amount: bigint };

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365;

function prepared(flows: DatedCashFlow[]) {
  const nonZero = flows.filter((f) => f.amount !== 0n);
  if (nonZero.length < 2) return null;
  if (!nonZero.some((f) => f.amount < 0n) || !nonZero.some((f) => f.amount > 0n)) return null;
  const t0 = Math.min(...nonZero.map((f) => f.at.getTime()));
  return nonZero.map((f) => ({ years: (f.at.getTime() - t0) / DAY_MS / YEAR_DAYS, amount: Number(f.amount) }));
}

function npv(points: { years: number; amount: number }[], rate: number): number {
  return points.reduce((s, p) => s + p.amount / Math.pow(1 + rate, p.years), 0);
}

function dnpv(points: { years: number; amount: number }[], rate: number): number {
  return points.reduce((s, p) => s - (p.years * p.amount) / Math.pow(1 + rate, p.years + 1), 0);
}

/** The annual rate as a fraction (0.1 = 10 %), or null when it is undefined (no money in or no money out). */
export function xirr(flows: DatedCashFlow[], guess = 0.1): number | null {
  const points = prepared(flows);
  if (!points) return null;
  const scale = Math.max(...points.map((p) => Math.abs(p.amount)));
  const tolerance = 1e-9;
  let rate = guess;
  for (let i = 0; i < 100; i++) {
    const f = npv(points, rate);
    const d = dnpv(points, rate);
    if (!Number.isFinite(f) || !Number.isFinite(d) || d === 0) break;
    const next = rate - f / d;
    if (!Number.isFinite(next) || next <= -1) break;
    if (Math.abs(next - rate) < tolerance) return Math.abs(npv(points, next)) / scale < 1e-6 ? next : bisect(points);
    rate = next;
  }
  return bisect(points);
}

/**
 * Bisection on the log growth factor x = ln(1 + r), so the whole rate domain (−100 %, ∞) is the real
 * line and a near-total loss over a short horizon — Rp24.000.000 out on 1 January, Rp1.196.000 back
 * on 1 February: (1 + r)^(31/365) = 0.0498…, 1 + r ≈ 4.6 × 10⁻¹⁶ — is reached as x ≈ −35.3, where a
 * bracket in r would have to start closer to −1 than doubles allow. The NPV's sign is taken from
 * Σ aᵢ·e^(−x·tᵢ − m) with m the largest exponent, so nothing overflows whatever x and the horizon.
 * x ∈ [−10⁹, 700]: up to the largest 1 + r a double holds, and down far past the smallest (below
 * x ≈ −745 the rate is −100 % exactly as a double). null when the NPV has the same sign at both ends.
 */
function bisect(points: { years: number; amount: number }[]): number | null {
  const sign = (x: number) => {
    const exps = points.map((p) => -x * p.years);
    const m = Math.max(...exps);
    return Math.sign(points.reduce((s, p, i) => s + p.amount * Math.exp(exps[i]! - m), 0));
  };
  let lo = -1e9;
  let hi = 700;
  const slo = sign(lo);
  const shi = sign(hi);
  if (slo === 0) return Math.expm1(lo);
  if (shi === 0) return Math.expm1(hi);
  if (slo === shi) return null;
  while (hi - lo > 1e-13 * Math.max(1, Math.abs(lo), Math.abs(hi))) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    const sm = sign(mid);
    if (sm === 0) return Math.expm1(mid);
    if (sm === slo) lo = mid;
    else hi = mid;
  }
  return Math.expm1((lo + hi) / 2);
}

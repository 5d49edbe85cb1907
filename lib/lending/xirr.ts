/**
 * XIRR: the annual rate r at which the dated cash flows' present value is zero,
 * Σ amount_i / (1 + r)^((t_i − t_0) / 365 days) = 0. Amounts are bigint rupiah (negative = money out,
 * positive = money in); only the rate is a float. Newton's method from a guess, falling back to
 * bisection on (−100 %, 10 000 %] when Newton leaves the domain or does not converge.
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
    if (Math.abs(next - rate) < tolerance) return Math.abs(npv(points, next)) / scale < 1e-6 ? next : bisect(points, scale);
    rate = next;
  }
  return bisect(points, scale);
}

function bisect(points: { years: number; amount: number }[], scale: number): number | null {
  let lo = -1 + 1e-14; // near −100 %: a loss of almost everything within a short time
  let hi = 100;
  let flo = npv(points, lo);
  const fhi = npv(points, hi);
  if (!Number.isFinite(flo) || !Number.isFinite(fhi) || Math.sign(flo) === Math.sign(fhi)) return null;
  for (let i = 0; i < 300; i++) {
    const mid = (lo + hi) / 2;
    const fm = npv(points, mid);
    if (Math.abs(fm) / scale < 1e-12 || hi - lo < 1e-12) return mid;
    if (Math.sign(fm) === Math.sign(flo)) {
      lo = mid;
      flo = fm;
    } else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Cumulative wall time per matchLoan phase (ms), for the benchmark's breakdown (docs/PERFORMANCE.md).
 * A few hrtime reads per loan: negligible, so it is always on.
 */
export const matchPhases: Record<string, number> = {};

export async function timed<T>(phase: string, fn: () => Promise<T>): Promise<T> {
  const t = process.hrtime.bigint();
  try {
    return await fn();
  } finally {
    matchPhases[phase] = (matchPhases[phase] ?? 0) + Number(process.hrtime.bigint() - t) / 1e6;
  }
}

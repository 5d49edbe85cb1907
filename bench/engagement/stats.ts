/** Pure helpers of the engagement benchmark (bench/engagement.ts): percentiles and plan text. */

/** Nearest-rank percentiles of a sample (0 for an empty one). */
export function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] ?? 0 };
}

const indent = (l: string) => l.length - l.trimStart().length;

/**
 * EXPLAIN text with, under each Append over the monthly partitions, only the first child subtree kept
 * (the others are alike) and one line counting the rest and their rows.
 */
export function collapsePartitions(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    out.push(line);
    if (!/->\s+(Parallel )?Append/.test(line)) continue;
    const depth = indent(line);
    // Children of the Append: lines starting with "->" one level deeper.
    let child = -1;
    let skipped = 0;
    let rows = 0;
    let j = i + 1;
    for (; j < lines.length && (indent(lines[j]!) > depth || lines[j]!.trim() === ""); j++) {
      const l = lines[j]!;
      const isChild = /^\s*->/.test(l) && (child < 0 || indent(l) === child);
      if (isChild && child < 0) child = indent(l);
      if (isChild) skipped++;
      if (skipped <= 1) out.push(l);
      else if (isChild) rows += Number(/actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(l)?.[1] ?? 0);
    }
    if (skipped > 1) out.push(`${" ".repeat(child)}-> … ${skipped - 1} more partitions like it (${rows.toLocaleString("en")} rows)`);
    i = j - 1;
  }
  return out;
}

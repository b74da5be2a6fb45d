/** Latency samples of sequential operations: nearest-rank percentiles and a table row. */

/** Nearest-rank percentile (with 50 samples, p99 is the largest). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? NaN;
}

const sortedCopy = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);

export const p50 = (xs: readonly number[]): number => percentile(sortedCopy(xs), 50);
export const p99 = (xs: readonly number[]): number => percentile(sortedCopy(xs), 99);

/** [label, samples, p50, p99, max, mean], in milliseconds with two decimals. */
export function latencyRow(label: string, samples: readonly number[]): string[] {
  const sorted = sortedCopy(samples);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const ms = (n: number) => n.toFixed(2);
  return [
    label,
    String(sorted.length),
    ms(percentile(sorted, 50)),
    ms(percentile(sorted, 99)),
    ms(sorted[sorted.length - 1] ?? NaN),
    ms(mean),
  ];
}

export const LATENCY_HEADERS = ['measure', 'samples', 'p50 ms', 'p99 ms', 'max ms', 'mean ms'];

/** Milliseconds `f` took. */
export async function timed(f: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await f();
  return performance.now() - start;
}

/** A load generator without HTTP, for floors: async loops in this thread. */
import { performance } from 'node:perf_hooks';
import type { LoadResult } from './load';

/** `connections` loops, each running `op` back to back until `durationSec` have passed. */
export async function concurrentLoops(
  op: (i: number) => Promise<void>,
  durationSec: number,
  connections: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const start = performance.now();
  const deadline = start + durationSec * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await op(counter++);
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  const elapsedSec = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return {
    rps: latencies.length / elapsedSec,
    p50: pct(0.5),
    p99: pct(0.99),
    non2xx: 0,
    errors,
    total: latencies.length,
  };
}

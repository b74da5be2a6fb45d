import path from 'node:path';
import autocannon from 'autocannon';

export interface BenchSettings {
  /** Seconds of each measured run. */
  readonly durationSec: number;
  readonly connections: number;
  readonly warmupSec: number;
  /** Measured runs per target; targets alternate and the median is reported. */
  readonly rounds: number;
  /** `--quick`: sections with sizes of their own (not only durations) pick smaller ones. */
  readonly quick: boolean;
}

/** One request's own body and headers, taken in turn across all connections. */
export interface RequestVariant {
  readonly body?: string;
  readonly headers?: Record<string, string>;
}

export interface LoadTarget {
  readonly label: string;
  readonly url: string;
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  /** Bodies/headers cycled through by every request (see cycle-request.ts). */
  readonly cycle?: readonly RequestVariant[];
  /** A load generator of its own instead of autocannon (a floor without HTTP, for instance). */
  readonly run?: (durationSec: number, connections: number) => Promise<LoadResult>;
}

/** Loaded by path inside autocannon's worker (workers mode takes modules, not functions). */
const CYCLE_MODULE = path.join(__dirname, 'cycle-request.ts');

export interface LoadResult {
  /** Mean requests per second over the run (all responses, any status). */
  readonly rps: number;
  /** Latency percentiles, milliseconds. */
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  readonly total: number;
}

/**
 * One autocannon run (GET unless the target says otherwise), bounded by `durationSec`, or the
 * target's own `run`. The load generator runs in a worker thread so it does not share the event
 * loop of the server it measures. A watchdog stops the run if it has not finished well after its
 * duration.
 */
export function runLoad(
  target: LoadTarget,
  durationSec: number,
  connections: number,
): Promise<LoadResult> {
  if (target.run) return target.run(durationSec, connections);
  const requests = target.cycle
    ? [{ setupRequest: CYCLE_MODULE, cycle: target.cycle } as unknown as autocannon.Request]
    : undefined;
  return new Promise((resolve, reject) => {
    const watchdogMs = (durationSec + 30) * 1000;
    const instance = autocannon(
      {
        url: target.url,
        method: target.method ?? 'GET',
        headers: target.headers ?? {},
        requests,
        connections,
        duration: durationSec,
        workers: 1,
        timeout: 10,
      },
      (err, result) => {
        clearTimeout(watchdog);
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        resolve({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          non2xx: result.non2xx,
          errors: result.errors,
          total: result.requests.total,
        });
      },
    );
    const watchdog = setTimeout(() => {
      instance.stop();
      reject(new Error(`${target.label}: load run did not finish within ${watchdogMs / 1000} s`));
    }, watchdogMs);
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/**
 * One warm-up run per target, then `rounds` measured runs with the targets alternating (A, B,
 * A, B, ...) so that drift in the machine's load affects them alike. Per target: the median of
 * each metric, and the sums of requests, non-2xx responses and errors. Same order as `targets`.
 */
export async function measureAlternating(
  targets: readonly LoadTarget[],
  settings: BenchSettings,
): Promise<LoadResult[]> {
  const { durationSec, connections, warmupSec, rounds } = settings;
  for (const t of targets) {
    console.log(`  warm-up ${t.label} (${warmupSec} s)`);
    await runLoad(t, warmupSec, connections);
  }
  const runs: LoadResult[][] = targets.map(() => []);
  for (let round = 1; round <= rounds; round++) {
    for (const [i, t] of targets.entries()) {
      console.log(
        `  round ${round}/${rounds}: ${t.label} (${durationSec} s, ${connections} conn.)`,
      );
      runs[i]?.push(await runLoad(t, durationSec, connections));
    }
  }
  return runs.map((list) => {
    const sum = (f: (r: LoadResult) => number) => list.reduce((acc, r) => acc + f(r), 0);
    return {
      rps: median(list.map((r) => r.rps)),
      p50: median(list.map((r) => r.p50)),
      p99: median(list.map((r) => r.p99)),
      non2xx: sum((r) => r.non2xx),
      errors: sum((r) => r.errors),
      total: sum((r) => r.total),
    };
  });
}

import autocannon from 'autocannon';

export interface LoadTarget {
  readonly label: string;
  readonly url: string;
  readonly headers?: Record<string, string>;
}

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
 * One autocannon GET run, bounded by `durationSec`. The load generator runs in a worker thread
 * so it does not share the event loop of the server it measures. A watchdog stops the run if it
 * has not finished well after its duration.
 */
export function runLoad(
  target: LoadTarget,
  durationSec: number,
  connections: number,
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const watchdogMs = (durationSec + 30) * 1000;
    const instance = autocannon(
      {
        url: target.url,
        method: 'GET',
        headers: target.headers ?? {},
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

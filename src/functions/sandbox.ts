import { EJSON } from 'bson';
import type ivm from 'isolated-vm';
import { IsolatePool, type PreparedIsolate } from './isolate-pool';
import { LogBuffer } from './log-buffer';
import { decodeReply, infrastructureFailure } from './sandbox-reply';
import type { SandboxJob, SandboxLimits, SandboxOutcome, SandboxResult } from './sandbox-types';
import { TenantSlots } from './tenant-slots';

export type { HostCall, SandboxEntry, SandboxJob, SandboxLimits } from './sandbox-types';

/**
 * Runs user functions, each execution in a new V8 isolate (isolated-vm) with a heap limit and a
 * wall-clock limit. The isolate holds the bson library, the `context` API (isolate-prelude.ts)
 * and the function; it reaches the host only through `HostCall`, with copied strings. When the
 * clock runs out (even while the function awaits) or the heap overflows, the isolate is disposed:
 * that execution fails alone and the server goes on.
 *
 * Each execution first takes a slot (tenant-slots.ts), then a prepared isolate (isolate-pool.ts).
 */
export class Sandbox {
  private readonly slots: TenantSlots;
  private readonly pool: IsolatePool;
  /** The isolates of the executions running now, each with its end (never rejects). */
  private readonly running = new Map<ivm.Isolate, Promise<unknown>>();

  constructor(
    private readonly limits: SandboxLimits,
    poolSize = 2,
  ) {
    this.slots = new TenantSlots(limits.maxConcurrent);
    this.pool = new IsolatePool(limits.memoryLimitMb, poolSize);
  }

  async run(job: SandboxJob): Promise<SandboxResult> {
    await this.slots.acquire(job.tenant);
    try {
      return await this.execute(job);
    } finally {
      this.slots.release(job.tenant);
    }
  }

  /**
   * Disposes the isolates prepared ahead (later runs prepare their own), and ends the executions
   * still running, which fail: a server closes the sandbox once the requests and triggers it
   * waits for are done, so these are runs it gave up on (past its shutdown's drain timeout).
   * Resolves once they have ended: a process that exits while an isolate runs may crash.
   */
  async close(): Promise<void> {
    const ending = [...this.running].map(([isolate, ended]) => {
      if (!isolate.isDisposed) isolate.dispose();
      return ended;
    });
    await Promise.all(ending);
    await this.pool.close();
  }

  private async execute(job: SandboxJob): Promise<SandboxResult> {
    const started = performance.now();
    const logs = new LogBuffer();
    const done = (outcome: SandboxOutcome): SandboxResult => ({
      ...outcome,
      logs: logs.lines,
      durationMs: performance.now() - started,
    });
    let prepared: PreparedIsolate;
    try {
      prepared = await this.pool.take();
    } catch (err) {
      return done({ ok: false, failure: { kind: 'runtime', message: String(err) } });
    }
    const { isolate, entry, binding } = prepared;
    binding.host = job.host;
    binding.logs = logs;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (!isolate.isDisposed) isolate.dispose();
    }, this.limits.timeoutMs);
    try {
      const applied = entry.apply(
        undefined,
        [EJSON.stringify({ ...job.entry, setup: job.setup }, { relaxed: false })],
        {
          timeout: this.limits.timeoutMs,
          arguments: { copy: true },
          result: { promise: true, copy: true },
        },
      );
      this.running.set(
        isolate,
        applied.then(
          () => undefined,
          () => undefined,
        ),
      );
      const reply: unknown = await applied;
      return done(decodeReply(String(reply)));
    } catch (err) {
      return done({ ok: false, failure: infrastructureFailure(err, timedOut, isolate) });
    } finally {
      this.running.delete(isolate);
      clearTimeout(timer);
      this.pool.retire(isolate);
    }
  }
}

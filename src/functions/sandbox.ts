import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EJSON } from 'bson';
import ivm from 'isolated-vm';
import type { ExecutionFailure } from './execution';
import { ISOLATE_PRELUDE } from './isolate-prelude';

export interface SandboxLimits {
  /** Wall-clock limit of one execution, awaits included. */
  readonly timeoutMs: number;
  /** Heap limit of the execution's isolate (isolated-vm's minimum is 8). */
  readonly memoryLimitMb: number;
  /**
   * Executions running at once in this process; more wait their turn. One tenant (app) may hold
   * at most half of them (at least one), so a tenant's runaway functions cannot starve the others.
   */
  readonly maxConcurrent: number;
}

/** What the function runs: a source that exports a function, called with `args`; or, for the
 * admin console, a source whose exports an expression (`evalSource`) is evaluated against. */
export interface SandboxEntry {
  readonly name: string;
  readonly source: string;
  readonly args: readonly unknown[];
  readonly evalSource?: string;
}

/** The host side of one execution: answers the isolate's requests (already decoded from EJSON). */
export type HostCall = (op: string, payload: Record<string, unknown>) => Promise<unknown>;

export interface LogLine {
  readonly level: 'log' | 'error';
  readonly line: string;
}

export type SandboxResult = (
  | { readonly ok: true; /** Canonical Extended JSON. */ readonly resultEjson: string }
  | { readonly ok: false; readonly failure: ExecutionFailure }
) & { readonly logs: readonly LogLine[]; readonly durationMs: number };

export interface SandboxJob {
  readonly entry: SandboxEntry;
  /** `context.user`, `context.app` and `runningAsSystem()`. */
  readonly setup: { user: unknown; app: unknown; runningAsSystem: boolean };
  /** Whose execution this is (the app), for the per-tenant share of the concurrency limit. */
  readonly tenant: string;
  readonly host: HostCall;
}

/** A chatty function keeps at most this much of its console output. */
const MAX_LOG_LINES = 1000;
const MAX_LOG_BYTES = 256 * 1024;

const BSON_BUNDLE = path.join(path.dirname(require.resolve('bson')), 'bson.bundle.js');

/** An isolate made ready for one execution: bson and the prelude loaded, waiting for its job. */
interface PreparedIsolate {
  readonly isolate: ivm.Isolate;
  readonly entry: ivm.Reference<(entryWire: string) => Promise<string>>;
  /** Where the isolate's host handles forward to, once the isolate is given a job. */
  readonly binding: { host?: HostCall; logs?: LogBuffer };
}

/**
 * Runs user functions, each execution in a new V8 isolate (isolated-vm) with a heap limit and a
 * wall-clock limit. The isolate holds the bson library, the `context` API (isolate-prelude.ts)
 * and the function; it reaches the host only through `HostCall`, with copied strings. When the
 * clock runs out (even while the function awaits) or the heap overflows, the isolate is disposed:
 * that execution fails alone and the server goes on.
 *
 * Isolates are never reused. To keep their start-up (about 5 ms) off the request path, a few are
 * prepared ahead (`poolSize`) and each is used for exactly one execution.
 */
export class Sandbox {
  private bsonScript: { code: string; cachedData?: ivm.ExternalCopy<ArrayBuffer> } | undefined;
  private running = 0;
  private readonly runningByTenant = new Map<string, number>();
  private readonly waiting: { tenant: string; start: () => void }[] = [];
  private readonly ready: Promise<PreparedIsolate>[] = [];
  private closed = false;

  constructor(
    private readonly limits: SandboxLimits,
    private readonly poolSize = 2,
  ) {}

  async run(job: SandboxJob): Promise<SandboxResult> {
    assertNodeFlags();
    await this.acquire(job.tenant);
    try {
      return await this.execute(job);
    } finally {
      this.release(job.tenant);
    }
  }

  /** Disposes the isolates prepared ahead; later runs prepare their own. */
  async close(): Promise<void> {
    this.closed = true;
    const pending = this.ready.splice(0);
    for (const p of await Promise.allSettled(pending)) {
      if (p.status === 'fulfilled' && !p.value.isolate.isDisposed) p.value.isolate.dispose();
    }
  }

  private take(): Promise<PreparedIsolate> {
    return this.ready.shift() ?? this.prepare();
  }

  /** Prepares isolates up to the pool size, after the current execution has answered. */
  private refill(): void {
    setImmediate(() => {
      while (!this.closed && this.ready.length < this.poolSize) {
        const p = this.prepare();
        p.catch(() => undefined); // a failed preparation surfaces when that isolate is taken
        this.ready.push(p);
      }
    });
  }

  private async prepare(): Promise<PreparedIsolate> {
    const isolate = new ivm.Isolate({ memoryLimit: this.limits.memoryLimitMb });
    try {
      const context = await isolate.createContext();
      await (await this.compileBson(isolate)).run(context);
      const binding: PreparedIsolate['binding'] = {};
      const hostCall = new ivm.Reference(async (op: string, wire: string) => {
        try {
          if (!binding.host) throw new Error('no host');
          const payload = EJSON.parse(wire, { relaxed: false }) as Record<string, unknown>;
          const value = await binding.host(op, payload);
          return EJSON.stringify(value === undefined ? {} : { value }, { relaxed: false });
        } catch (err) {
          return JSON.stringify({ error: err instanceof Error ? err.message : String(err) });
        }
      });
      const hostLog = new ivm.Reference((level: string, line: string) =>
        binding.logs?.add(level === 'error' ? 'error' : 'log', line),
      );
      const entry = (await context.evalClosure(
        `return ${ISOLATE_PRELUDE.trim()}($0, $1);`,
        [hostCall, hostLog],
        { result: { reference: true } },
      )) as PreparedIsolate['entry'];
      return { isolate, entry, binding };
    } catch (err) {
      if (!isolate.isDisposed) isolate.dispose();
      throw err;
    }
  }

  private async execute(job: SandboxJob): Promise<SandboxResult> {
    const started = performance.now();
    const logs = new LogBuffer();
    const done = (
      outcome: { ok: true; resultEjson: string } | { ok: false; failure: ExecutionFailure },
    ): SandboxResult => ({
      ...outcome,
      logs: logs.lines,
      durationMs: performance.now() - started,
    });
    let prepared: PreparedIsolate;
    try {
      prepared = await this.take();
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
      const reply: unknown = await entry.apply(
        undefined,
        [EJSON.stringify({ ...job.entry, setup: job.setup }, { relaxed: false })],
        {
          timeout: this.limits.timeoutMs,
          arguments: { copy: true },
          result: { promise: true, copy: true },
        },
      );
      return done(decodeReply(String(reply)));
    } catch (err) {
      return done({ ok: false, failure: infrastructureFailure(err, timedOut, isolate) });
    } finally {
      clearTimeout(timer);
      // Disposing takes a moment: do it, and prepare the next isolates, after answering.
      setImmediate(() => {
        if (!isolate.isDisposed) isolate.dispose();
      });
      this.refill();
    }
  }

  /** The bson bundle, compiled once per process and then started from V8's code cache. */
  private async compileBson(isolate: ivm.Isolate): Promise<ivm.Script> {
    if (!this.bsonScript) {
      const code = `${readFileSync(BSON_BUNDLE, 'utf8')}\n;globalThis.BSON = BSON;`;
      const script = (await isolate.compileScript(code, {
        produceCachedData: true,
      })) as ivm.Script & ivm.CachedDataResult;
      this.bsonScript = { code, cachedData: script.cachedData };
      return script;
    }
    const { code, cachedData } = this.bsonScript;
    return isolate.compileScript(code, cachedData ? { cachedData } : {});
  }

  private get perTenant(): number {
    return Math.max(1, Math.floor(this.limits.maxConcurrent / 2));
  }

  private canStart(tenant: string): boolean {
    return (
      this.running < this.limits.maxConcurrent &&
      (this.runningByTenant.get(tenant) ?? 0) < this.perTenant
    );
  }

  private start(tenant: string): void {
    this.running++;
    this.runningByTenant.set(tenant, (this.runningByTenant.get(tenant) ?? 0) + 1);
  }

  private acquire(tenant: string): Promise<void> {
    if (this.canStart(tenant)) {
      this.start(tenant);
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push({ tenant, start: resolve }));
  }

  /** Frees a slot and starts the longest-waiting execution whose tenant is under its share. */
  private release(tenant: string): void {
    this.running--;
    const left = (this.runningByTenant.get(tenant) ?? 1) - 1;
    if (left > 0) this.runningByTenant.set(tenant, left);
    else this.runningByTenant.delete(tenant);
    const index = this.waiting.findIndex((w) => this.canStart(w.tenant));
    if (index < 0) return;
    const [next] = this.waiting.splice(index, 1);
    if (!next) return;
    this.start(next.tenant);
    next.start();
  }
}

class LogBuffer {
  readonly lines: LogLine[] = [];
  private bytes = 0;
  private full = false;

  add(level: 'log' | 'error', line: string): void {
    if (this.full) return;
    if (this.lines.length >= MAX_LOG_LINES || this.bytes + line.length > MAX_LOG_BYTES) {
      this.full = true;
      this.lines.push({ level: 'error', line: '[further output of this execution was dropped]' });
      return;
    }
    this.bytes += line.length;
    this.lines.push({ level, line });
  }
}

interface IsolateReply {
  ok: boolean;
  result?: string;
  phase?: 'load' | 'run' | 'result';
  name?: string;
  message?: string;
}

function decodeReply(
  reply: string,
): { ok: true; resultEjson: string } | { ok: false; failure: ExecutionFailure } {
  const r = JSON.parse(reply) as IsolateReply;
  if (r.ok && typeof r.result === 'string') return { ok: true, resultEjson: r.result };
  const message = r.message ?? 'function failed';
  if (r.phase === 'load' && r.name === 'SyntaxError')
    return { ok: false, failure: { kind: 'syntax', message } };
  if (r.phase === 'result') {
    return {
      ok: false,
      failure: { kind: 'runtime', message: `the function's result cannot be returned: ${message}` },
    };
  }
  return { ok: false, failure: { kind: 'runtime', message } };
}

function infrastructureFailure(
  err: unknown,
  timedOut: boolean,
  isolate: ivm.Isolate,
): ExecutionFailure {
  const message = err instanceof Error ? err.message : String(err);
  if (timedOut || /timed out/i.test(message)) {
    return { kind: 'timeout', message: 'execution time limit exceeded' };
  }
  if (/memory limit/i.test(message) || isolate.isDisposed) {
    return { kind: 'oom', message: 'execution memory limit exceeded' };
  }
  return { kind: 'runtime', message };
}

/** isolated-vm on Node 20 needs `--no-node-snapshot`; without it Node can crash. */
export function assertNodeFlags(): void {
  const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  if (!flags.includes('--no-node-snapshot')) {
    throw new Error(
      'the functions sandbox (isolated-vm) needs Node started with --no-node-snapshot ' +
        '(npm start, npm test and npm run dev set it; otherwise set NODE_OPTIONS=--no-node-snapshot)',
    );
  }
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EJSON } from 'bson';
import ivm from 'isolated-vm';
import { ISOLATE_PRELUDE } from './isolate-prelude';
import type { LogBuffer } from './log-buffer';
import type { HostCall } from './sandbox-types';

const BSON_BUNDLE = path.join(path.dirname(require.resolve('bson')), 'bson.bundle.js');

/** An isolate made ready for one execution: bson and the prelude loaded, waiting for its job. */
export interface PreparedIsolate {
  readonly isolate: ivm.Isolate;
  readonly entry: ivm.Reference<(entryWire: string) => Promise<string>>;
  /** Where the isolate's host handles forward to, once the isolate is given a job. */
  readonly binding: { host?: HostCall; logs?: LogBuffer };
}

/**
 * Isolates are never reused. To keep their start-up (about 5 ms) off the request path, a few are
 * prepared ahead (`poolSize`) and each is used for exactly one execution, then retired.
 */
export class IsolatePool {
  private bsonScript: { code: string; cachedData?: ivm.ExternalCopy<ArrayBuffer> } | undefined;
  private readonly ready: Promise<PreparedIsolate>[] = [];
  private closed = false;

  constructor(
    private readonly memoryLimitMb: number,
    private readonly poolSize: number,
  ) {}

  /** A prepared isolate: one made ahead if there is one, else a new one. */
  take(): Promise<PreparedIsolate> {
    return this.ready.shift() ?? this.prepare();
  }

  /** Disposes a used isolate and prepares the next ones, after the current execution answered. */
  retire(isolate: ivm.Isolate): void {
    // Disposing takes a moment: do it after answering.
    setImmediate(() => {
      if (!isolate.isDisposed) isolate.dispose();
    });
    this.refill();
  }

  /** Disposes the isolates prepared ahead; later takes prepare their own. */
  async close(): Promise<void> {
    this.closed = true;
    const pending = this.ready.splice(0);
    for (const p of await Promise.allSettled(pending)) {
      if (p.status === 'fulfilled' && !p.value.isolate.isDisposed) p.value.isolate.dispose();
    }
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
    const isolate = new ivm.Isolate({ memoryLimit: this.memoryLimitMb });
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
}

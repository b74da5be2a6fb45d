import type ivm from 'isolated-vm';
import type { ExecutionFailure } from './execution';
import type { SandboxOutcome } from './sandbox-types';

/** What the prelude's entry function answers (isolate-prelude.ts), as JSON text. */
interface IsolateReply {
  ok: boolean;
  result?: string;
  phase?: 'load' | 'run' | 'result';
  name?: string;
  message?: string;
}

/** The isolate's answer as an outcome: a syntax error while loading, else a runtime failure. */
export function decodeReply(reply: string): SandboxOutcome {
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

/**
 * Why the isolate gave no answer: the clock ran out, the heap overflowed (isolated-vm disposes
 * the isolate), or something else broke.
 */
export function infrastructureFailure(
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

/*
 * The sandbox's contract with its callers (sandbox.ts re-exports what they use) and between its
 * parts (isolate-pool.ts, log-buffer.ts, sandbox-reply.ts), kept here so that none of them
 * imports sandbox.ts.
 */
import type { ExecutionFailure } from './execution';

/** The limits every execution of one sandbox runs under (config.functions). */
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

/** How an execution ended, before its logs and duration are added. */
export type SandboxOutcome =
  | { readonly ok: true; /** Canonical Extended JSON. */ readonly resultEjson: string }
  | { readonly ok: false; readonly failure: ExecutionFailure };

export type SandboxResult = SandboxOutcome & {
  readonly logs: readonly LogLine[];
  readonly durationMs: number;
};

export interface SandboxJob {
  readonly entry: SandboxEntry;
  /** `context.user`, `context.app`, `context.environment` and `runningAsSystem()`. */
  readonly setup: { user: unknown; app: unknown; environment: unknown; runningAsSystem: boolean };
  /** Whose execution this is (the app), for the per-tenant share of the concurrency limit. */
  readonly tenant: string;
  readonly host: HostCall;
}

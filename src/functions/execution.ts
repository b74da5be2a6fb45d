/**
 * What one function execution gives back: the vocabulary shared by the sandbox (which produces
 * failures), the runner (which returns executions) and the error table (which maps failure kinds
 * to error codes). It imports nothing, so none of them has to import another for these types.
 */
export type FailureKind = 'timeout' | 'oom' | 'syntax' | 'runtime';

export interface ExecutionFailure {
  readonly kind: FailureKind;
  readonly message: string;
}

export type Execution = {
  readonly logs: string[];
  readonly errorLogs: string[];
  readonly durationMs: number;
} & (
  | {
      readonly ok: true;
      /** Canonical Extended JSON. */ readonly resultEjson: string;
      /** The result for host code: numbers as plain numbers, other BSON types typed. */
      readonly result: unknown;
    }
  | { readonly ok: false; readonly failure: ExecutionFailure }
);

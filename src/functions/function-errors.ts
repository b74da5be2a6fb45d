import { InvalidInputError, type AppError } from '../errors/app-error';
import type { ErrorCode } from '../errors/error-codes';
import type { Execution } from './function-runner';
import type { FailureKind } from './sandbox';

type Failed = Extract<Execution, { ok: false }>;

/** How each kind of failed execution is reported: the one table of function failures. */
const FAILURES: Record<FailureKind, { code: ErrorCode }> = {
  timeout: { code: 'ExecutionTimeLimitExceeded' },
  oom: { code: 'FunctionExecutionError' },
  syntax: { code: 'FunctionSyntaxError' },
  runtime: { code: 'FunctionExecutionError' },
};

export function failureCode(kind: FailureKind): ErrorCode {
  return FAILURES[kind].code;
}

/** A failed execution as an AppError (400 by default), its message optionally prefixed. */
export function executionError(
  execution: Failed,
  prefix?: string,
  as: (message: string, code: ErrorCode) => AppError = (m, c) => new InvalidInputError(m, c),
): AppError {
  const message = prefix ? `${prefix}: ${execution.failure.message}` : execution.failure.message;
  return as(message, failureCode(execution.failure.kind));
}

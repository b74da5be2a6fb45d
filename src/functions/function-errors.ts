import { InvalidInputError, type AppError } from '../errors/app-error';
import type { ErrorCode } from '../errors/error-codes';
import type { Execution, FailureKind } from './execution';

type Failed = Extract<Execution, { ok: false }>;

/** The error code of each kind of failed execution: the one table of function failures. */
const FAILURE_CODES: Record<FailureKind, ErrorCode> = {
  timeout: 'ExecutionTimeLimitExceeded',
  oom: 'FunctionExecutionError',
  syntax: 'FunctionSyntaxError',
  runtime: 'FunctionExecutionError',
};

export function failureCode(kind: FailureKind): ErrorCode {
  return FAILURE_CODES[kind];
}

/** A failed execution as a 400 AppError, its message optionally prefixed. */
export function executionError(execution: Failed, prefix?: string): AppError {
  const message = prefix ? `${prefix}: ${execution.failure.message}` : execution.failure.message;
  return new InvalidInputError(message, failureCode(execution.failure.kind));
}

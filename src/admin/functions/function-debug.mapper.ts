import type { ErrorCode } from '../../errors/error-codes';
import { failureCode } from '../../functions/function-errors';
import type { Execution } from '../../functions/execution';
import { goDuration } from '../../functions/go-duration';
import type { components } from '../../generated/openapi';

type DebugExecutionResult = components['schemas']['DebugExecutionResult'];
type DebugErrorCode = NonNullable<DebugExecutionResult['error']>['error_code'];

const lines = (l: readonly string[]): string[] | null => (l.length > 0 ? [...l] : null);

/**
 * An execution as the debug API answers it (HTTP 200 either way): `result` as canonical Extended
 * JSON, or `error` when the function failed. Empty log lists are `null`, as App Services (a Go
 * server) sends them. A failure's message is also the last error log line, because realm-cli
 * prints the logs and the result but not `error`.
 */
export function toDebugResult(execution: Execution): DebugExecutionResult {
  const stats = { execution_time: goDuration(execution.durationMs) };
  if (execution.ok) {
    return {
      result: JSON.parse(execution.resultEjson) as unknown,
      logs: lines(execution.logs),
      error_logs: lines(execution.errorLogs),
      stats,
    };
  }
  const code: ErrorCode = failureCode(execution.failure.kind);
  return {
    error: { message: execution.failure.message, error_code: code as DebugErrorCode },
    logs: lines(execution.logs),
    error_logs: [...execution.errorLogs, `${code}: ${execution.failure.message}`],
    stats,
  };
}

import { CronExpressionParser } from 'cron-parser';
import type {
  AppConfig,
  AuthOperationType,
  AuthTriggerConfig,
  ScheduledTriggerConfig,
} from './app-config.types';

/**
 * What the runtime asks of the config about triggers, and the one reading of schedules that the
 * admin side (validation) and the runtime (firing) share.
 */

/**
 * The enabled AUTHENTICATION triggers that fire for this operation through this provider type,
 * or through any of these provider types (a deleted user's identities).
 */
export function authTriggersFor(
  config: AppConfig,
  operationType: AuthOperationType,
  providerTypes: string | readonly string[],
): AuthTriggerConfig[] {
  const types = typeof providerTypes === 'string' ? [providerTypes] : providerTypes;
  return config.triggers.filter(
    (t): t is AuthTriggerConfig =>
      t.type === 'AUTHENTICATION' &&
      !t.disabled &&
      t.config.operation_type === operationType &&
      types.some((type) => t.config.providers.includes(type)),
  );
}

/** The enabled SCHEDULED triggers. */
export function scheduledTriggers(config: AppConfig): ScheduledTriggerConfig[] {
  return config.triggers.filter(
    (t): t is ScheduledTriggerConfig => t.type === 'SCHEDULED' && !t.disabled,
  );
}

/** A stand-alone `H` (cron-parser's hashed, i.e. pseudo-random, value); not in names like THU. */
const HASHED = /\bH\b/i;
const FIELD_COUNT = 5;

/**
 * Why `schedule` is not a schedule this server runs, or undefined when it is. A schedule is a
 * standard 5-field cron expression (minute hour day-of-month month day-of-week) read in UTC, so
 * it fires at most once a minute: a 6th (seconds) field, `@` shorthands and hashed `H` values are
 * refused, as is an expression that can never fire (such as 30 February).
 */
export function scheduleProblem(schedule: string): string | undefined {
  const trimmed = schedule.trim();
  const fields = trimmed === '' ? [] : trimmed.split(/\s+/);
  if (fields.length !== FIELD_COUNT) {
    return `a schedule has exactly 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}`;
  }
  if (fields.some((f) => HASHED.test(f) || f.includes('?'))) {
    return 'hashed values (H) and "?" are not supported';
  }
  try {
    parse(fields.join(' '), new Date(0)).next();
  } catch (err) {
    return (err as Error).message;
  }
  return undefined;
}

/**
 * The first time strictly after `after` at which `schedule` fires, in UTC. Throws on a schedule
 * `scheduleProblem` refuses (a deployed config only holds checked schedules).
 */
export function nextFireTime(schedule: string, after: Date): Date {
  const problem = scheduleProblem(schedule);
  if (problem) throw new Error(`invalid schedule "${schedule}": ${problem}`);
  return parse(schedule.trim(), after).next().toDate();
}

/**
 * The last time at or before `atOrBefore` at which `schedule` fired, in UTC, or undefined when
 * it never did (within cron-parser's search range). Throws like `nextFireTime`.
 */
export function previousFireTime(schedule: string, atOrBefore: Date): Date | undefined {
  const problem = scheduleProblem(schedule);
  if (problem) throw new Error(`invalid schedule "${schedule}": ${problem}`);
  try {
    // cron-parser's prev() is strictly before its current date: start 1 ms later.
    return parse(schedule.trim(), new Date(atOrBefore.getTime() + 1))
      .prev()
      .toDate();
  } catch {
    return undefined;
  }
}

/** One spelling per schedule (fields separated by single spaces), for keys. */
export function normalizeSchedule(schedule: string): string {
  return schedule.trim().split(/\s+/).join(' ');
}

function parse(expression: string, after: Date) {
  // The seconds field is pinned to 0: five fields can never fire more than once a minute.
  return CronExpressionParser.parse(`0 ${expression}`, { currentDate: after, tz: 'UTC' });
}

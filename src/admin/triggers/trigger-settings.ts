import {
  AUTH_OPERATION_TYPES,
  TRIGGER_TYPES,
  type AuthOperationType,
  type AuthTriggerConfig,
  type ScheduledTriggerConfig,
} from '../../app-config/app-config.types';
import { scheduleProblem } from '../../app-config/triggers';
import { InvalidInputError } from '../../errors/app-error';
import { PROVIDER_TYPE_NAMES } from '../../providers/registry';

/** A trigger's type with its config, checked and normalised. */
export type TriggerSettings =
  Pick<AuthTriggerConfig, 'type' | 'config'> | Pick<ScheduledTriggerConfig, 'type' | 'config'>;

/** Fields the Atlas UI sends in a SCHEDULED config that mean nothing here; accepted, not stored. */
const IGNORED_SCHEDULED_FIELDS = ['schedule_type'];

/**
 * Checks a trigger's type and config and returns them in stored form: an AUTHENTICATION
 * trigger's `providers` always a list without repeats, a SCHEDULED trigger's
 * `skip_catchup_events` always a boolean. Unknown config fields are refused, so that a typo
 * (`operation_types`, `scheduled`) is an error rather than a trigger that never fires.
 */
export function checkTriggerSettings(
  type: string,
  config: Record<string, unknown>,
): TriggerSettings {
  switch (type) {
    case 'AUTHENTICATION':
      return { type, config: authConfig(config) };
    case 'SCHEDULED':
      return { type, config: scheduledConfig(config) };
    case 'DATABASE':
      throw new InvalidInputError(
        'DATABASE triggers are not supported by this server: only AUTHENTICATION and SCHEDULED triggers are',
      );
    default:
      throw new InvalidInputError(
        `unknown trigger type "${type}": use one of ${TRIGGER_TYPES.join(', ')}`,
      );
  }
}

function authConfig(config: Record<string, unknown>): AuthTriggerConfig['config'] {
  refuseUnknownFields('AUTHENTICATION', config, ['operation_type', 'providers'], []);
  const op = config.operation_type;
  if (op === undefined) {
    throw new InvalidInputError(
      'an AUTHENTICATION trigger needs config.operation_type',
      'MissingParameter',
    );
  }
  if (typeof op !== 'string' || !(AUTH_OPERATION_TYPES as readonly string[]).includes(op)) {
    throw new InvalidInputError(
      `config.operation_type must be one of ${AUTH_OPERATION_TYPES.join(', ')}, got ${JSON.stringify(op)}`,
    );
  }
  return { operation_type: op as AuthOperationType, providers: providerList(config.providers) };
}

function providerList(given: unknown): string[] {
  if (given === undefined) {
    throw new InvalidInputError(
      'an AUTHENTICATION trigger needs config.providers',
      'MissingParameter',
    );
  }
  const list = typeof given === 'string' ? [given] : given;
  if (!Array.isArray(list) || list.length === 0) {
    throw new InvalidInputError(
      'config.providers must be a provider type or a non-empty list of provider types',
    );
  }
  for (const p of list) {
    if (typeof p !== 'string' || !(PROVIDER_TYPE_NAMES as readonly string[]).includes(p)) {
      throw new InvalidInputError(
        `config.providers: unknown provider type ${JSON.stringify(p)}; known types are ${PROVIDER_TYPE_NAMES.join(', ')}`,
      );
    }
  }
  return [...new Set(list as string[])];
}

function scheduledConfig(config: Record<string, unknown>): ScheduledTriggerConfig['config'] {
  refuseUnknownFields(
    'SCHEDULED',
    config,
    ['schedule', 'skip_catchup_events'],
    IGNORED_SCHEDULED_FIELDS,
  );
  const { schedule, skip_catchup_events: skip = false } = config;
  if (schedule === undefined) {
    throw new InvalidInputError('a SCHEDULED trigger needs config.schedule', 'MissingParameter');
  }
  if (typeof schedule !== 'string') {
    throw new InvalidInputError('config.schedule must be a string (a 5-field cron expression)');
  }
  const problem = scheduleProblem(schedule);
  if (problem) throw new InvalidInputError(`invalid schedule "${schedule}": ${problem}`);
  if (typeof skip !== 'boolean') {
    throw new InvalidInputError('config.skip_catchup_events must be a boolean');
  }
  return { schedule: schedule.trim().split(/\s+/).join(' '), skip_catchup_events: skip };
}

function refuseUnknownFields(
  type: string,
  config: Record<string, unknown>,
  known: readonly string[],
  ignored: readonly string[],
): void {
  const unknown = Object.keys(config).filter((k) => !known.includes(k) && !ignored.includes(k));
  if (unknown.length > 0) {
    throw new InvalidInputError(
      `unknown ${type} trigger config field(s): ${unknown.join(', ')} (allowed: ${known.join(', ')})`,
    );
  }
}

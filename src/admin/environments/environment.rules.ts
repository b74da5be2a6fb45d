import { ENVIRONMENT_KEYS, type AppConfig } from '../../app-config/app-config.types';
import { ConflictError, InvalidInputError } from '../../errors/app-error';
import { isEnvironmentTag } from './environment.service';
import { ENVIRONMENT_VALUES } from './environment-value.service';

/**
 * A config rule: the environment tag is one App Services knows, and environment values have
 * valid, distinct names and values only for known environments. The Admin API already keeps to
 * this; the rule guards every other way a config is stored or deployed (imports, merges).
 */
export function environmentRule(config: AppConfig): void {
  if (!isEnvironmentTag(config.environment.tag)) {
    throw new InvalidInputError(`invalid environment "${String(config.environment.tag)}"`);
  }
  const names = new Set<string>();
  for (const v of config.environment_values) {
    ENVIRONMENT_VALUES.checkName(v.name);
    if (names.has(v.name)) {
      // e.g. a draft and a later deployment each added one by that name
      throw new ConflictError(
        `two environment values are named "${v.name}"`,
        'EnvironmentValueDuplicateName',
      );
    }
    names.add(v.name);
    const unknown = Object.keys(v.values).filter(
      (k) => !(ENVIRONMENT_KEYS as readonly string[]).includes(k),
    );
    if (unknown.length > 0) {
      throw new InvalidInputError(
        `environment value "${v.name}" has values for unknown environments: ${unknown.join(', ')}`,
      );
    }
  }
}

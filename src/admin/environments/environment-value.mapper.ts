import {
  ENVIRONMENT_KEYS,
  type EnvironmentKey,
  type EnvironmentValueConfig,
} from '../../app-config/app-config.types';
import type { components } from '../../generated/openapi';

type NewEnvironmentValue = components['schemas']['NewEnvironmentValue'];
type EnvironmentValue = components['schemas']['EnvironmentValue'];
type EnvironmentValueDescription = components['schemas']['EnvironmentValueDescription'];

/** What a create or a replace sets: the name, and the value of each environment that has one. */
export interface EnvironmentValueInput {
  name: string;
  values: Partial<Record<EnvironmentKey, unknown>>;
}

/** `values` left out is no value in any environment; only the five environment keys are kept. */
export function toEnvironmentValueInput(body: NewEnvironmentValue): EnvironmentValueInput {
  const given = (body.values ?? {}) as Partial<Record<string, unknown>>;
  const values: Partial<Record<EnvironmentKey, unknown>> = {};
  for (const key of ENVIRONMENT_KEYS) {
    if (Object.hasOwn(given, key) && given[key] !== undefined) values[key] = given[key];
  }
  return { name: body.name, values };
}

export function toEnvironmentValue(v: EnvironmentValueConfig): EnvironmentValue {
  return { _id: v._id, name: v.name, last_modified: v.last_modified, values: { ...v.values } };
}

export function toEnvironmentValueDescription(
  v: EnvironmentValueConfig,
): EnvironmentValueDescription {
  return { _id: v._id, name: v.name, last_modified: v.last_modified };
}

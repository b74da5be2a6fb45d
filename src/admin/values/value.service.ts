import type { ValueConfig } from '../../app-config/app-config.types';
import {
  checkEntityName,
  ensureUniqueName,
  entityIndex,
  findEntity,
  newEntityId,
  unixSeconds,
  type EntityKind,
} from '../../app-config/entities';
import { InvalidInputError } from '../../errors/app-error';
import type { ConfigStore } from '../deploy/config-store';
import type { ValueInput } from './value.mapper';

const VALUE: EntityKind = {
  label: 'value',
  notFound: 'ValueNotFound',
  duplicate: 'ValueDuplicateName',
};

/**
 * Values: named constants of the app config. A value `from_secret` holds a secret's name; that
 * the secret exists is checked for the whole config by `secretsExistRule` on every write.
 */
export class ValueService {
  constructor(
    private readonly store: ConfigStore,
    private readonly now: () => Date,
  ) {}

  async list(appId: string, adminId: string): Promise<ValueConfig[]> {
    return (await this.store.view(appId, adminId)).values;
  }

  async get(appId: string, adminId: string, id: string): Promise<ValueConfig> {
    return findEntity((await this.store.view(appId, adminId)).values, id, VALUE);
  }

  create(appId: string, adminId: string, input: ValueInput): Promise<ValueConfig> {
    checkInput(input);
    return this.store.change(appId, adminId, (config) => {
      ensureUniqueName(config.values, input.name, VALUE);
      const value: ValueConfig = {
        _id: newEntityId(),
        ...input,
        last_modified: unixSeconds(this.now()),
      };
      config.values.push(value);
      return value;
    });
  }

  /** Replaces the value's name, privacy and contents. */
  update(appId: string, adminId: string, id: string, input: ValueInput): Promise<ValueConfig> {
    checkInput(input);
    return this.store.change(appId, adminId, (config) => {
      const index = entityIndex(config.values, id, VALUE);
      const current = config.values[index] as ValueConfig;
      ensureUniqueName(config.values, input.name, VALUE, current._id);
      const value: ValueConfig = {
        _id: current._id,
        ...input,
        last_modified: unixSeconds(this.now()),
      };
      config.values[index] = value;
      return value;
    });
  }

  delete(appId: string, adminId: string, id: string): Promise<void> {
    return this.store.change(appId, adminId, (config) => {
      config.values.splice(entityIndex(config.values, id, VALUE), 1);
    });
  }
}

function checkInput(input: ValueInput): void {
  checkEntityName(VALUE, input.name);
  if (input.from_secret && (typeof input.value !== 'string' || input.value === '')) {
    throw new InvalidInputError('a value with from_secret must have a secret name as its value');
  }
}

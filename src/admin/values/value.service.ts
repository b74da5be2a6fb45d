import type { ValueConfig } from '../../app-config/app-config.types';
import { EntityList, newEntityId, unixSeconds } from '../../app-config/entities';
import { InvalidInputError } from '../../errors/app-error';
import type { ConfigStore } from '../../domain/deployments/config-store';
import type { ValueInput } from './value.mapper';

export const VALUES = new EntityList<ValueConfig>('values', {
  label: 'value',
  notFound: 'ValueNotFound',
  duplicate: 'ValueDuplicateName',
});

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
    return VALUES.of(await this.store.view(appId, adminId));
  }

  async get(appId: string, adminId: string, id: string): Promise<ValueConfig> {
    return VALUES.find(await this.store.view(appId, adminId), id);
  }

  create(appId: string, adminId: string, input: ValueInput): Promise<ValueConfig> {
    checkValueInput(input);
    return this.store.change(appId, adminId, (config) =>
      VALUES.add(config, input.name, () => ({
        _id: newEntityId(),
        ...input,
        last_modified: unixSeconds(this.now()),
      })),
    );
  }

  /** Replaces the value's name, privacy and contents. */
  update(appId: string, adminId: string, id: string, input: ValueInput): Promise<ValueConfig> {
    checkValueInput(input);
    return this.store.change(appId, adminId, (config) =>
      VALUES.replace(config, id, input.name, (current) => ({
        _id: current._id,
        ...input,
        last_modified: unixSeconds(this.now()),
      })),
    );
  }

  delete(appId: string, adminId: string, id: string): Promise<void> {
    return this.store.change(appId, adminId, (config) => VALUES.remove(config, id));
  }
}

export function checkValueInput(input: ValueInput): void {
  VALUES.checkName(input.name);
  if (input.from_secret && (typeof input.value !== 'string' || input.value === '')) {
    throw new InvalidInputError('a value with from_secret must have a secret name as its value');
  }
}

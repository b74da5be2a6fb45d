import type { EnvironmentValueConfig } from '../../app-config/app-config.types';
import { EntityList, newEntityId, unixSeconds } from '../../app-config/entities';
import type { ConfigStore } from '../../domain/deployments/config-store';
import type { EnvironmentValueInput } from './environment-value.mapper';

export const ENVIRONMENT_VALUES = new EntityList<EnvironmentValueConfig>('environment_values', {
  label: 'environment value',
  notFound: 'EnvironmentValueNotFound',
  duplicate: 'EnvironmentValueDuplicateName',
});

/**
 * Environment values: named values with one value per environment, part of the app config (so
 * an admin's writes land in their open draft, or deploy at once). Functions see them resolved
 * for the deployed environment, in `context.environment.values`.
 */
export class EnvironmentValueService {
  constructor(
    private readonly store: ConfigStore,
    private readonly now: () => Date,
  ) {}

  async list(appId: string, adminId: string): Promise<EnvironmentValueConfig[]> {
    return ENVIRONMENT_VALUES.of(await this.store.view(appId, adminId));
  }

  async get(appId: string, adminId: string, id: string): Promise<EnvironmentValueConfig> {
    return ENVIRONMENT_VALUES.find(await this.store.view(appId, adminId), id);
  }

  create(
    appId: string,
    adminId: string,
    input: EnvironmentValueInput,
  ): Promise<EnvironmentValueConfig> {
    ENVIRONMENT_VALUES.checkName(input.name);
    return this.store.change(appId, adminId, (config) =>
      ENVIRONMENT_VALUES.add(config, input.name, () => ({
        _id: newEntityId(),
        name: input.name,
        values: input.values,
        last_modified: unixSeconds(this.now()),
      })),
    );
  }

  /** Replaces the name and every environment's value (an environment left out is unset). */
  update(
    appId: string,
    adminId: string,
    id: string,
    input: EnvironmentValueInput,
  ): Promise<EnvironmentValueConfig> {
    ENVIRONMENT_VALUES.checkName(input.name);
    return this.store.change(appId, adminId, (config) =>
      ENVIRONMENT_VALUES.replace(config, id, input.name, (current) => ({
        _id: current._id,
        name: input.name,
        values: input.values,
        last_modified: unixSeconds(this.now()),
      })),
    );
  }

  delete(appId: string, adminId: string, id: string): Promise<void> {
    return this.store.change(appId, adminId, (config) => ENVIRONMENT_VALUES.remove(config, id));
  }
}

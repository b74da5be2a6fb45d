import type { AppConfig } from '../../app-config/app-config.types';
import { secretReferences } from '../../app-config/secret-references';
import type { ConfigStore } from '../../domain/deployments/config-store';
import type { SecretStore, SecretSummary } from '../../domain/secrets/secret.store';
import { ConflictError } from '../../errors/app-error';

/**
 * The Admin API's secrets: the store's CRUD, plus the rule that a secret in use (by the deployed
 * config or an open draft) can be neither renamed nor deleted.
 */
export class SecretService {
  constructor(
    private readonly store: SecretStore,
    private readonly configs: Pick<ConfigStore, 'configsInUse'>,
  ) {}

  list(appId: string): Promise<SecretSummary[]> {
    return this.store.list(appId);
  }

  create(appId: string, name: string, value: string): Promise<SecretSummary> {
    return this.store.create(appId, name, value);
  }

  update(appId: string, id: string, name: string, value: string): Promise<void> {
    return this.store.update(appId, id, name, value, (oldName) =>
      this.refuseIfReferenced(appId, oldName, 'renamed'),
    );
  }

  async delete(appId: string, id: string): Promise<void> {
    await this.refuseIfReferenced(appId, await this.store.nameOf(appId, id), 'deleted');
    await this.store.delete(appId, id);
  }

  private async refuseIfReferenced(appId: string, name: string, action: string): Promise<void> {
    const configs: AppConfig[] = await this.configs.configsInUse(appId);
    for (const config of configs) {
      const users = secretReferences(config).get(name);
      if (users) {
        throw new ConflictError(
          `secret "${name}" cannot be ${action}: it is used by ${users.join(', ')}`,
          'SecretInUse',
        );
      }
    }
  }
}

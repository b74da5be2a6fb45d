import type { ServiceConfig } from '../../app-config/app-config.types';
import { serviceUsers } from '../../app-config/config-references';
import { EntityList, newEntityId, unixSeconds } from '../../app-config/entities';
import type { components } from '../../generated/openapi';
import { ConflictError, InvalidInputError } from '../../errors/app-error';
import type { ConfigStore } from '../../domain/deployments/config-store';
import { pickClusterConfig } from './service.mapper';

type ServiceConstructor = components['schemas']['ServiceConstructor'];
type AtlasConfigUpdate = components['schemas']['AtlasClusterServiceConfigUpdate'];

export const SERVICES = new EntityList<ServiceConfig>('services', {
  label: 'data source',
  notFound: 'ServiceNotFound',
  duplicate: 'ServiceAlreadyExists',
});
const SUPPORTED_TYPE = 'mongodb-atlas';
/** The version of the service config schema; the only one there is. */
export const SERVICE_VERSION = 1;

/**
 * Services, of which only MongoDB data sources (`mongodb-atlas`) are supported. A data source is
 * this server's own database unless `secret_config.uri` names a secret holding a MongoDB URI.
 */
export class ServiceService {
  constructor(
    private readonly store: ConfigStore,
    private readonly now: () => Date,
  ) {}

  async list(appId: string, adminId: string): Promise<ServiceConfig[]> {
    return SERVICES.of(await this.store.view(appId, adminId));
  }

  async get(appId: string, adminId: string, id: string): Promise<ServiceConfig> {
    return SERVICES.find(await this.store.view(appId, adminId), id);
  }

  create(appId: string, adminId: string, input: ServiceConstructor): Promise<ServiceConfig> {
    checkServiceInput(input);
    return this.store.change(appId, adminId, (config) =>
      SERVICES.add(config, input.name, () => ({
        _id: newEntityId(),
        name: input.name,
        type: SUPPORTED_TYPE,
        version: SERVICE_VERSION,
        config: pickClusterConfig(input.config),
        ...(input.secret_config ? { secret_config: secretConfig(input.secret_config) } : {}),
        last_modified: unixSeconds(this.now()),
      })),
    );
  }

  /**
   * Replaces the name and the config; `secret_config` is replaced when sent (`{}` clears it) and
   * kept when left out.
   */
  update(
    appId: string,
    adminId: string,
    id: string,
    input: ServiceConstructor,
  ): Promise<ServiceConfig> {
    checkServiceInput(input);
    return this.store.change(appId, adminId, (config) =>
      SERVICES.replace(config, id, input.name, (current) => {
        const next: ServiceConfig = {
          ...current,
          name: input.name,
          config: pickClusterConfig(input.config),
          last_modified: unixSeconds(this.now()),
        };
        if (input.secret_config) {
          const secrets = secretConfig(input.secret_config);
          if (Object.keys(secrets).length > 0) next.secret_config = secrets;
          else delete next.secret_config;
        }
        return next;
      }),
    );
  }

  /** Changes the config fields sent; the others keep their values. */
  updateConfig(
    appId: string,
    adminId: string,
    id: string,
    patch: AtlasConfigUpdate,
  ): Promise<void> {
    return this.store.change(appId, adminId, (config) => {
      SERVICES.replace(config, id, undefined, (current) => ({
        ...current,
        config: { ...current.config, ...pickClusterConfig(patch) },
        last_modified: unixSeconds(this.now()),
      }));
    });
  }

  /**
   * Deletes the data source and, as App Services does, its collection rules and default rule
   * (they belong to it); one something else uses (custom user data) is refused.
   */
  delete(appId: string, adminId: string, id: string): Promise<void> {
    return this.store.change(appId, adminId, (config) => {
      SERVICES.remove(config, id, (service) => {
        const users = serviceUsers(config, service._id);
        if (users.length > 0) {
          throw new ConflictError(
            `data source "${service.name}" cannot be deleted: it is used by ${users.join(', ')}`,
            'ServiceInUse',
          );
        }
        config.rules = config.rules.filter((r) => r.service_id !== service._id);
        config.default_rules = config.default_rules.filter((d) => d.service_id !== service._id);
      });
    });
  }
}

export function checkServiceInput(input: ServiceConstructor): void {
  if (input.type !== SUPPORTED_TYPE) {
    throw new InvalidInputError(
      `service type "${input.type}" is not supported: only "${SUPPORTED_TYPE}" data sources are`,
      'ServiceTypeNotFound',
    );
  }
  SERVICES.checkName(input.name);
}

export function secretConfig(
  from: NonNullable<ServiceConstructor['secret_config']>,
): Record<string, string> {
  return from.uri === undefined ? {} : { uri: from.uri };
}

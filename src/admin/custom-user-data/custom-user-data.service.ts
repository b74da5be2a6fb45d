import type { CustomUserDataConfig } from '../../app-config/app-config.types';
import { referenceId, type EntityKind } from '../../app-config/entities';
import { InvalidInputError } from '../../errors/app-error';
import type { components } from '../../generated/openapi';
import type { ConfigStore } from '../../domain/deployments/config-store';

type CustomUserDataUpdate = components['schemas']['CustomUserDataUpdate'];

export const DATA_SOURCE: EntityKind = {
  label: 'data source',
  notFound: 'ServiceNotFound',
  duplicate: 'ServiceAlreadyExists',
};
export const USER_CREATION_FUNCTION: EntityKind = {
  label: 'user creation function',
  notFound: 'FunctionNotFound',
  duplicate: 'FunctionDuplicateName',
};

/** MongoDB's limits on database names (any platform), collection names and field names. */
const DATABASE_NAME = /^[^/\\. "$*<>:|?\0]+$/;

/**
 * Where custom user data is read from. References are stored as ids; the data source and the
 * function may be given by name too. Whether the result is complete and its references exist is
 * `customUserDataRule`'s job, which runs on this and every other write.
 */
export class CustomUserDataService {
  constructor(private readonly store: ConfigStore) {}

  async get(appId: string, adminId: string): Promise<CustomUserDataConfig> {
    return (await this.store.view(appId, adminId)).custom_user_data;
  }

  /** Changes the fields sent; the others keep their values. */
  update(appId: string, adminId: string, patch: CustomUserDataUpdate): Promise<void> {
    checkCustomUserDataNames(patch);
    return this.store.change(appId, adminId, (config) => {
      const current = config.custom_user_data;
      const serviceId = referenceId(
        config.services,
        { id: patch.mongo_service_id, name: patch.mongo_service_name },
        DATA_SOURCE,
      );
      const functionId = referenceId(
        config.functions,
        { id: patch.on_user_creation_function_id, name: patch.on_user_creation_function_name },
        USER_CREATION_FUNCTION,
      );
      config.custom_user_data = {
        enabled: patch.enabled ?? current.enabled,
        mongo_service_id: serviceId ?? current.mongo_service_id,
        database_name: patch.database_name ?? current.database_name,
        collection_name: patch.collection_name ?? current.collection_name,
        user_id_field: patch.user_id_field ?? current.user_id_field,
        on_user_creation_function_id: functionId ?? current.on_user_creation_function_id,
      };
    });
  }
}

export function checkCustomUserDataNames(patch: CustomUserDataUpdate): void {
  const { database_name: db, collection_name: coll, user_id_field: field } = patch;
  if (db && !DATABASE_NAME.test(db)) {
    throw new InvalidInputError(
      `invalid database_name "${db}": it may not contain /\\. "$*<>:|? characters`,
    );
  }
  if (coll && (/[$\0]/.test(coll) || coll.startsWith('system.'))) {
    throw new InvalidInputError(
      `invalid collection_name "${coll}": it may not contain "$" nor start with "system."`,
    );
  }
  if (field?.startsWith('$')) {
    throw new InvalidInputError(`invalid user_id_field "${field}": it may not start with "$"`);
  }
}

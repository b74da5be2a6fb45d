import type { AppConfig } from '../../app-config/app-config.types';
import { InvalidInputError } from '../../errors/app-error';

/**
 * A config rule: custom user data may only point at a data source and a user creation function
 * that exist, and when enabled it needs a data source, a database, a collection and a user id
 * field. Run on every write and deploy, so that no merge or deploy can leave it dangling.
 */
export function customUserDataRule(config: AppConfig): void {
  const cud = config.custom_user_data;
  if (cud.mongo_service_id && !config.services.some((s) => s._id === cud.mongo_service_id)) {
    throw new InvalidInputError(
      `custom user data uses data source "${cud.mongo_service_id}", which does not exist`,
      'ServiceNotFound',
    );
  }
  const fnId = cud.on_user_creation_function_id;
  if (fnId && !config.functions.some((f) => f._id === fnId)) {
    throw new InvalidInputError(
      `custom user data uses user creation function "${fnId}", which does not exist`,
      'FunctionNotFound',
    );
  }
  if (!cud.enabled) return;
  const missing = [
    ['mongo_service_id', 'a data source (mongo_service_id or mongo_service_name)'],
    ['database_name', 'database_name'],
    ['collection_name', 'collection_name'],
    ['user_id_field', 'user_id_field'],
  ] as const;
  const absent = missing.filter(([key]) => !cud[key]).map(([, label]) => label);
  if (absent.length > 0) {
    throw new InvalidInputError(
      `enabling custom user data requires ${absent.join(', ')}`,
      'MissingParameter',
    );
  }
}

import {
  type AppConfig,
  type AuthProviderConfig,
  type FunctionConfig,
  type ServiceConfig,
  type TriggerConfig,
  type ValueConfig,
} from '../../app-config/app-config.types';
import { newEntityId, referenceId, unixSeconds } from '../../app-config/entities';
import { jsonEqual } from '../../app-config/json-equal';
import { InvalidInputError } from '../../errors/app-error';
import { validateAuthProvider } from '../auth-providers/auth-provider.rules';
import { storedByFunctionId } from '../auth-providers/provider-functions';
import {
  DATA_SOURCE,
  USER_CREATION_FUNCTION,
  checkCustomUserDataNames,
} from '../custom-user-data/custom-user-data.service';
import { FUNCTIONS, checkFunctionInput } from '../functions/function.service';
import { toFunctionInput } from '../functions/function.mapper';
import { SERVICE_VERSION, checkServiceInput, secretConfig } from '../services/service.service';
import { pickClusterConfig } from '../services/service.mapper';
import { checkTriggerSettings } from '../triggers/trigger-settings';
import { TRIGGERS } from '../triggers/trigger.service';
import { toTriggerInput } from '../triggers/trigger.mapper';
import { checkValueInput } from '../values/value.service';
import { toValueInput } from '../values/value.mapper';
import { isJsonObject, text, type AppDocument, type JsonObject } from './app-document';
import { importEnvironmentTag, importEnvironmentValues } from './import-environments';
import {
  byName,
  inCurrentOrder,
  inPart,
  keepOrReplace,
  uniqueNames,
  type Wire,
} from './import-parts';
import { checkEntity } from './entity-schemas';
import { importRules } from './import-rules';
import { checkDocument } from './document-scope';

/**
 * The config an import of `doc` makes of `current`: every section the directory holds is
 * replaced by name (matched items keep their ids, new ones get ids, missing ones are removed).
 * Each item is checked by the same rules as the single edit that would create it; the whole
 * config is then checked by the config rules where it is stored. Secrets are referenced by name
 * and never created here. What realm_config.json says of the app itself (name, location,
 * deployment model, client app id) is not changed by an import.
 */
export function importDocument(body: unknown, current: AppConfig, nowDate: Date): AppConfig {
  const doc = checkDocument(body);
  const now = unixSeconds(nowDate);
  // Every section is replaced below but `security`, of which one field is: no deep copy of the
  // whole config (items kept as they are are shared with `current` anyway, see keepOrReplace).
  const next: AppConfig = { ...current, security: { ...current.security } };
  next.functions = inCurrentOrder(current.functions, importFunctions(doc, current.functions, now));
  next.services = inCurrentOrder(current.services, importDataSources(doc, current.services, now));
  next.values = inCurrentOrder(current.values, importValues(doc, current.values, now));
  next.environment_values = inCurrentOrder(
    current.environment_values,
    importEnvironmentValues(doc, current.environment_values, now),
  );
  next.auth_providers = inCurrentOrder(
    current.auth_providers,
    importProviders(doc, current.auth_providers, next.functions),
  );
  next.custom_user_data = importCustomUserData(doc, next);
  next.triggers = inCurrentOrder(
    current.triggers,
    importTriggers(doc, current.triggers, next.functions, now),
  );
  Object.assign(next, importRules(doc, current, next, now));
  next.environment = { tag: importEnvironmentTag(doc) };
  next.security.allowed_request_origins = inPart(
    'realm_config.json: allowed_request_origins',
    () => {
      const origins = doc.allowed_request_origins ?? [];
      checkEntity('AllowedRequestOrigins', origins, 'realm_config.json: allowed_request_origins');
      return [...new Set(origins)];
    },
  );
  return next;
}

function importFunctions(
  doc: AppDocument,
  current: readonly FunctionConfig[],
  now: number,
): FunctionConfig[] {
  const entries = doc.functions?.config ?? [];
  const sources = { ...(doc.functions?.sources ?? {}) };
  uniqueNames(
    'functions/config.json',
    entries.map((e) => text(e.name)),
  );
  const existing = byName(current);
  const out = entries.map((entry, i) => {
    const where = `functions/config.json: ${typeof entry.name === 'string' ? `"${entry.name}"` : `[${i}]`}`;
    if (!isJsonObject(entry)) throw new InvalidInputError(`${where} must be an object`);
    const file = `${text(entry.name)}.js`;
    const source = sources[file];
    if (source === undefined) {
      throw new InvalidInputError(`${where}: its source file functions/${file} is missing`);
    }
    delete sources[file];
    const body = { ...entry, source };
    checkEntity('FunctionConstructor', body, where);
    const input = toFunctionInput(body as Wire<typeof toFunctionInput>);
    inPart(`functions/${file}`, () => checkFunctionInput(input));
    return keepOrReplace(
      existing,
      input.name,
      (id, lastModified) => ({ _id: id, ...input, last_modified: lastModified ?? now }),
      now,
    );
  });
  const stray = Object.keys(sources);
  if (stray.length > 0) {
    throw new InvalidInputError(
      `functions/${stray[0]}: no function of functions/config.json has this source file (add an entry, or remove the file)`,
    );
  }
  return out;
}

function importDataSources(
  doc: AppDocument,
  current: readonly ServiceConfig[],
  now: number,
): ServiceConfig[] {
  const list = doc.data_sources ?? [];
  uniqueNames(
    'data_sources',
    list.map((d) => text(d.config?.name)),
  );
  return list.map((ds) => {
    const where = `data_sources/${text(ds.config?.name ?? '?')}/config.json`;
    const input = ds.config ?? {};
    checkEntity('ServiceConstructor', input, where);
    const body = input as unknown as Wire<typeof checkServiceInput>;
    inPart(where, () => checkServiceInput(body));
    return keepOrReplace(
      current,
      body.name,
      (id, lastModified) => {
        const secrets = body.secret_config ? secretConfig(body.secret_config) : {};
        return {
          _id: id,
          name: body.name,
          type: 'mongodb-atlas' as const,
          version: SERVICE_VERSION,
          config: pickClusterConfig(body.config),
          ...(Object.keys(secrets).length > 0 ? { secret_config: secrets } : {}),
          last_modified: lastModified ?? now,
        };
      },
      now,
    );
  });
}

function importValues(
  doc: AppDocument,
  current: readonly ValueConfig[],
  now: number,
): ValueConfig[] {
  const list = doc.values ?? [];
  uniqueNames(
    'values',
    list.map((v) => text(v.name)),
  );
  const existing = byName(current);
  return list.map((entry) => {
    const where = `values/${text(entry.name)}.json`;
    // The directory's value files have no `private`: a value is public unless it says so.
    const body = { private: false, from_secret: false, ...entry };
    checkEntity('NewValue', body, where);
    const input = toValueInput(body as Wire<typeof toValueInput>);
    inPart(where, () => checkValueInput(input));
    return keepOrReplace(
      existing,
      input.name,
      (id, lastModified) => ({ _id: id, ...input, last_modified: lastModified ?? now }),
      now,
    );
  });
}

function importProviders(
  doc: AppDocument,
  current: readonly AuthProviderConfig[],
  functions: readonly FunctionConfig[],
): AuthProviderConfig[] {
  const entries = Object.entries(doc.auth?.providers ?? {});
  return entries.map(([key, entry]) => {
    const where = `auth/providers.json: ${key}`;
    if (!isJsonObject(entry)) throw new InvalidInputError(`${where} must be an object`);
    if (entry.name !== undefined && entry.name !== key) {
      throw new InvalidInputError(`${where}.name is "${text(entry.name)}"; it must be "${key}"`);
    }
    const body: JsonObject = { name: key, ...entry };
    checkEntity('AuthProviderConstructor', body, where);
    const { _id: _ignored, ...def } = body as unknown as AuthProviderConfig;
    const old = current.find((p) => p.name === key && p.type === def.type);
    const provider: AuthProviderConfig = {
      ...def,
      _id: old?._id ?? newEntityId(),
      disabled: def.disabled ?? false,
    };
    return inPart(where, () => {
      validateAuthProvider(provider);
      const stored = storedByFunctionId(provider, functions);
      return old && jsonEqual(stored, old) ? old : stored;
    });
  });
}

function importCustomUserData(doc: AppDocument, next: AppConfig): AppConfig['custom_user_data'] {
  const where = 'auth/custom_user_data.json';
  const entry = doc.auth?.custom_user_data ?? {};
  checkEntity('CustomUserDataUpdate', entry, where);
  const body = entry as Wire<typeof checkCustomUserDataNames>;
  return inPart(where, () => {
    checkCustomUserDataNames(body);
    return {
      enabled: body.enabled ?? false,
      mongo_service_id:
        referenceId(
          next.services,
          { id: body.mongo_service_id, name: body.mongo_service_name },
          DATA_SOURCE,
        ) ?? '',
      database_name: body.database_name ?? '',
      collection_name: body.collection_name ?? '',
      user_id_field: body.user_id_field ?? '',
      on_user_creation_function_id:
        referenceId(
          next.functions,
          { id: body.on_user_creation_function_id, name: body.on_user_creation_function_name },
          USER_CREATION_FUNCTION,
        ) ?? '',
    };
  });
}

function importTriggers(
  doc: AppDocument,
  current: readonly TriggerConfig[],
  functions: readonly FunctionConfig[],
  now: number,
): TriggerConfig[] {
  const list = doc.triggers ?? [];
  uniqueNames(
    'triggers',
    list.map((t) => text(t.name)),
  );
  return list.map((entry) => {
    const where = `triggers/${text(entry.name)}.json`;
    checkEntity('TriggerConstructor', entry, where);
    return inPart(where, () => {
      const input = toTriggerInput(entry as unknown as Wire<typeof toTriggerInput>);
      TRIGGERS.checkName(input.name);
      const settings = checkTriggerSettings(input.type, input.config);
      const functionId = referenceId(functions, input.function, FUNCTIONS.kind);
      if (!functionId) {
        throw new InvalidInputError('function_name is required', 'MissingParameter');
      }
      // A trigger whose type changed is another trigger (the API cannot change a type either).
      const sameType = current.filter((t) => t.type === settings.type);
      return keepOrReplace(
        sameType,
        input.name,
        (id, lastModified) => ({
          _id: id,
          name: input.name,
          disabled: input.disabled,
          function_id: functionId,
          ...settings,
          last_modified: lastModified ?? now,
        }),
        now,
      );
    });
  });
}

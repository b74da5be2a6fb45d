import type {
  AppConfig,
  AuthProviderConfig,
  DefaultRuleConfig,
  FunctionConfig,
  RuleConfig,
} from '../../app-config/app-config.types';
import {
  PROVIDER_FUNCTION_SETTINGS,
  functionIdKey,
  functionNameKey,
  providerFunctionRef,
} from '../../app-config/config-references';
import { withFunctionNames } from '../auth-providers/provider-functions';
import { pickOptional } from '../functions/function.mapper';
import {
  CONFIG_VERSION,
  ENVIRONMENT_FILES,
  type AppDocument,
  type DataSourceDocument,
  type EnvironmentFile,
  type JsonObject,
} from './app-document';

/** What the directory's realm_config.json says of the app besides its config. */
export interface AppMeta {
  client_app_id: string;
  name: string;
  location: string;
  deployment_model: string;
  provider_region?: string;
}

export interface ExportOptions {
  /** Leave out what ties the directory to this app (its client app id): for new apps. */
  template?: boolean;
}

const byName = <T extends { name: string }>(a: T, b: T) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** Copies the optional fields that are set (not undefined) from `from`. */
function defined(from: object, keys: readonly string[]): JsonObject {
  const out: JsonObject = {};
  const record = from as Record<string, unknown>;
  for (const key of keys) if (record[key] !== undefined) out[key] = record[key] as JsonObject;
  return out;
}

/**
 * The app directory of a config, as the document the CLI would send for it. Cross-references are
 * names (functions, data sources), never ids; secrets appear by name only, as the config holds
 * them. Lists are sorted by name, so the same config gives the same document.
 */
export function exportDocument(
  config: AppConfig,
  app: AppMeta,
  options: ExportOptions = {},
): AppDocument {
  const functionName = (id: string) => config.functions.find((f) => f._id === id)?.name ?? '';
  const serviceName = (id: string) => config.services.find((s) => s._id === id)?.name ?? '';
  const cud = config.custom_user_data;
  return {
    config_version: CONFIG_VERSION,
    ...(options.template ? {} : { app_id: app.client_app_id }),
    name: app.name,
    location: app.location,
    deployment_model: app.deployment_model,
    ...(app.provider_region ? { provider_region: app.provider_region } : {}),
    ...(config.environment.tag ? { environment: config.environment.tag } : {}),
    ...(config.security.allowed_request_origins.length > 0
      ? { allowed_request_origins: [...config.security.allowed_request_origins] }
      : {}),
    environments: environmentFiles(config),
    values: [...config.values].sort(byName).map((v) => ({
      name: v.name,
      value: v.value as JsonObject,
      from_secret: v.from_secret,
      ...(v.private ? { private: true } : {}),
    })),
    auth: {
      providers: Object.fromEntries(
        [...config.auth_providers]
          .sort(byName)
          .map((p) => [p.name, providerFile(p, config.functions)]),
      ),
      custom_user_data: {
        enabled: cud.enabled,
        mongo_service_name: serviceName(cud.mongo_service_id),
        database_name: cud.database_name,
        collection_name: cud.collection_name,
        user_id_field: cud.user_id_field,
        on_user_creation_function_name: functionName(cud.on_user_creation_function_id),
      },
    },
    functions: {
      config: [...config.functions].sort(byName).map(functionEntry),
      sources: Object.fromEntries(
        [...config.functions].sort(byName).map((f) => [`${f.name}.js`, f.source]),
      ),
    },
    // As App Services writes them: the function in the FUNCTION event processor (not at the
    // root), and a data source with its version.
    triggers: [...config.triggers].sort(byName).map((t) => ({
      name: t.name,
      type: t.type,
      disabled: t.disabled,
      config: t.config,
      event_processors: { FUNCTION: { config: { function_name: functionName(t.function_id) } } },
    })),
    data_sources: [...config.services].sort(byName).map((s) => ({
      config: {
        name: s.name,
        type: s.type,
        config: s.config as JsonObject,
        ...(s.secret_config ? { secret_config: { ...s.secret_config } } : {}),
        version: s.version,
      },
      ...ruleFiles(config, s._id),
    })),
  };
}

/**
 * A data source's rules as App Services writes them: `<db>/<coll>/rules.json` holding
 * `{collection, database, roles, filters}` and `default_rule.json` holding `{roles, filters}`,
 * without ids (rules are matched by data source and collection, roles and filters by name).
 */
function ruleFiles(config: AppConfig, serviceId: string): Omit<DataSourceDocument, 'config'> {
  const rules = config.rules.filter((r) => r.service_id === serviceId).sort(byName);
  const defaultRule = config.default_rules.find((d) => d.service_id === serviceId);
  const parts = (r: RuleConfig | DefaultRuleConfig) => ({
    roles: r.roles as unknown as JsonObject[],
    filters: r.filters as unknown as JsonObject[],
  });
  return {
    ...(defaultRule ? { default_rule: parts(defaultRule) } : {}),
    ...(rules.length > 0
      ? {
          rules: rules.map((r) => ({
            database: r.database,
            collection: r.collection,
            ...parts(r),
          })),
        }
      : {}),
  };
}

function environmentFiles(config: AppConfig): NonNullable<AppDocument['environments']> {
  const files: NonNullable<AppDocument['environments']> = {};
  for (const [file, env] of Object.entries(ENVIRONMENT_FILES) as [EnvironmentFile, string][]) {
    const values: JsonObject = {};
    for (const v of [...config.environment_values].sort(byName)) {
      const value = (v.values as Record<string, unknown>)[env];
      if (value !== undefined) values[v.name] = value as JsonObject;
    }
    files[file] = { values };
  }
  return files;
}

function functionEntry(f: FunctionConfig): JsonObject {
  return { name: f.name, private: f.private, ...(pickOptional(f) as JsonObject) };
}

/**
 * A provider as auth/providers.json holds it: the functions it runs by name only. A setting whose
 * function no longer exists (kept while the setting is off) names nothing another app could
 * resolve, so it is left out.
 */
function providerFile(p: AuthProviderConfig, functions: readonly FunctionConfig[]): JsonObject {
  const named = withFunctionNames(p, functions);
  let config = named.config as JsonObject | undefined;
  if (config) {
    config = { ...config };
    for (const setting of PROVIDER_FUNCTION_SETTINGS) {
      const ref = providerFunctionRef(named.config, setting);
      delete config[functionIdKey(setting)];
      if (ref.name === undefined) delete config[functionNameKey(setting)];
    }
  }
  return {
    name: p.name,
    type: p.type,
    disabled: p.disabled,
    ...(config ? { config } : {}),
    ...defined(p, ['secret_config', 'metadata_fields', 'redirect_uris', 'domain_restrictions']),
  };
}

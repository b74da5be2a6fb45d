/**
 * The App Services app directory (config version 20210101) in the form the App Services CLI
 * sends it to `POST A/import`: one JSON document whose parts are the files' contents (see
 * ../shared/reference/realm-cli-protocol.md). Export builds one; import reads one, whether it came
 * as JSON or was read from a zip of the directory (app-files.ts).
 *
 * Everything arriving here is untrusted JSON: the types say what a well-formed document holds,
 * and import checks each part before use.
 */
export const CONFIG_VERSION = 20210101;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface AppDocument {
  config_version?: number;
  app_id?: string;
  name?: string;
  location?: string;
  provider_region?: string;
  deployment_model?: string;
  environment?: string;
  allowed_request_origins?: string[];
  /** Keyed by file name under environments/, e.g. `production.json`: `{values: {...}}`. */
  environments?: Record<string, { values?: JsonObject }>;
  values?: JsonObject[];
  auth?: {
    providers?: Record<string, JsonObject>;
    custom_user_data?: JsonObject;
    config?: JsonObject;
  };
  functions?: {
    config?: JsonObject[];
    /** Keyed by path under functions/, e.g. `hello.js`. */
    sources?: Record<string, string>;
  };
  triggers?: JsonObject[];
  data_sources?: DataSourceDocument[];
  secrets?: JsonObject;
  /** Sections of App Services that this server does not serve (see OUT_OF_SCOPE). */
  http_endpoints?: Json;
  endpoints?: Json;
  services?: Json;
  graphql?: { config?: JsonObject; custom_resolvers?: Json[] };
  sync?: { config?: JsonObject };
  hosting?: Json;
  log_forwarders?: Json;
  push?: Json;
}

export interface DataSourceDocument {
  /** data_sources/<name>/config.json */
  config?: JsonObject;
  default_rule?: JsonObject;
  /** data_sources/<name>/<db>/<coll>/rules.json, each with `database` and `collection`. */
  rules?: JsonObject[];
  /** data_sources/<name>/<db>/<coll>/schema.json and relationships.json (not served here). */
  schemas?: JsonObject[];
}

/** The environment files of the directory and the environment each stands for. */
export const ENVIRONMENT_FILES = {
  'no-environment.json': 'none',
  'development.json': 'development',
  'testing.json': 'testing',
  'qa.json': 'qa',
  'production.json': 'production',
} as const;
export type EnvironmentFile = keyof typeof ENVIRONMENT_FILES;

export const isJsonObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * JSON text of a config file: keys sorted at every level and four-space indentation (as App
 * Services writes them), so that the same config always gives the same bytes.
 */
export function configFileText(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 4) + '\n';
}

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isJsonObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
  return out;
}

/** A document field as text for paths and messages (names are strings in a valid document). */
export const text = (v: unknown): string =>
  typeof v === 'string' ? v : (JSON.stringify(v) ?? 'undefined');

import { newObjectIdHex } from '../db/object-id';

/**
 * The configuration of one app as the runtime consumes it. The admin API edits it (directly or
 * through drafts) and deploys whole, immutable versions of it; the runtime only reads deployed
 * versions. Secret values never appear here: only secret names.
 */
export interface AuthProviderConfig {
  _id: string;
  name: string;
  type: string;
  disabled: boolean;
  config?: Record<string, unknown>;
  secret_config?: Record<string, unknown>;
  metadata_fields?: unknown[];
  redirect_uris?: string[];
  domain_restrictions?: string[];
}

export interface FunctionConfig {
  _id: string;
  name: string;
  source: string;
  private: boolean;
  can_evaluate?: Record<string, unknown>;
  run_as_system?: boolean;
  run_as_user_id?: string;
  run_as_user_id_script_source?: string;
  disable_arg_logs?: boolean;
  /** UNIX seconds. */
  last_modified: number;
}

export interface ValueConfig {
  _id: string;
  name: string;
  private: boolean;
  /** When true, `value` is the name of a secret whose value is used at run time. */
  from_secret: boolean;
  value: unknown;
  last_modified: number;
}

export interface ServiceConfig {
  _id: string;
  name: string;
  type: 'mongodb-atlas';
  version: number;
  config: Record<string, unknown>;
  /** Secret names, e.g. `{ uri: "<secret name>" }` for a data source on another cluster. */
  secret_config?: Record<string, string>;
  last_modified: number;
}

export interface CustomUserDataConfig {
  enabled: boolean;
  mongo_service_id: string;
  database_name: string;
  collection_name: string;
  user_id_field: string;
  on_user_creation_function_id: string;
}

/** The trigger types this server runs (App Services also has DATABASE triggers). */
export const TRIGGER_TYPES = ['AUTHENTICATION', 'SCHEDULED'] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

export const AUTH_OPERATION_TYPES = ['LOGIN', 'CREATE', 'DELETE'] as const;
export type AuthOperationType = (typeof AUTH_OPERATION_TYPES)[number];

interface TriggerBase {
  _id: string;
  name: string;
  disabled: boolean;
  /** The function the trigger calls, by id: renaming the function keeps the trigger working. */
  function_id: string;
  last_modified: number;
}

/** Fires after a login, a user creation or a user deletion through one of `providers`. */
export interface AuthTriggerConfig extends TriggerBase {
  type: 'AUTHENTICATION';
  config: {
    operation_type: AuthOperationType;
    /** Provider types (`local-userpass`, `api-key`, ...), at least one, no duplicates. */
    providers: string[];
  };
}

/** Fires on a 5-field cron schedule, read in UTC. */
export interface ScheduledTriggerConfig extends TriggerBase {
  type: 'SCHEDULED';
  config: {
    schedule: string;
    /** When true, fire times missed while the trigger was off or the server down are skipped. */
    skip_catchup_events: boolean;
  };
}

export type TriggerConfig = AuthTriggerConfig | ScheduledTriggerConfig;

export interface SecurityConfig {
  /** User refresh-token lifetime; App Services' default is 60 days. */
  refresh_token_expiration_seconds: number;
  /**
   * The browser origins (`<scheme>://<host>[:port]`) the Client API answers; an empty list allows
   * any origin, as in App Services.
   */
  allowed_request_origins: string[];
}

/** The environments an app can be tagged with (App Services' list). */
export const APP_ENVIRONMENTS = ['development', 'testing', 'qa', 'production'] as const;
export type AppEnvironment = (typeof APP_ENVIRONMENTS)[number];
/** The keys of an environment value's `values`: `none` is used when the app has no environment. */
export const ENVIRONMENT_KEYS = ['none', ...APP_ENVIRONMENTS] as const;
export type EnvironmentKey = (typeof ENVIRONMENT_KEYS)[number];

/**
 * A named value with one value per environment: at run time it resolves to the value of the
 * app's environment (`none` when the app has none), or is absent when that one is not set.
 */
export interface EnvironmentValueConfig {
  _id: string;
  name: string;
  values: Partial<Record<EnvironmentKey, unknown>>;
  last_modified: number;
}

/** The app's environment tag; versioned with the rest so that drafts, imports and rollbacks carry it. */
export interface EnvironmentConfig {
  tag: '' | AppEnvironment;
}

/**
 * A rule expression (https://www.mongodb.com/docs/atlas/app-services/rules/expressions/): a
 * boolean, or an object whose keys are document fields, expansions (`%%user.id`) or `$and`/`$or`/
 * `$nor`, evaluated by `src/rules/`.
 */
export type RuleExpression = boolean | Record<string, unknown>;

/** Read and write permission for a field and (through `fields`) its children. */
export interface FieldPermissions {
  read?: RuleExpression;
  write?: RuleExpression;
  fields?: Record<string, FieldPermissions>;
}

/** A data access role: who it applies to (per document) and what it lets them do. */
export interface RoleConfig {
  name: string;
  apply_when: RuleExpression;
  document_filters?: { read: RuleExpression; write: RuleExpression };
  read?: RuleExpression;
  write?: RuleExpression;
  insert?: RuleExpression;
  delete?: RuleExpression;
  search?: RuleExpression;
  fields?: Record<string, FieldPermissions>;
  additional_fields?: { read?: RuleExpression; write?: RuleExpression };
}

/** A query filter merged into every request it applies to (evaluated per request, not per document). */
export interface FilterConfig {
  name: string;
  apply_when: RuleExpression;
  query?: Record<string, unknown>;
  projection?: Record<string, 0 | 1>;
}

/** The roles and filters of one collection (`database.collection`) of one data source. */
export interface RuleConfig {
  _id: string;
  /** `<database>.<collection>`: unique per data source. */
  name: string;
  service_id: string;
  database: string;
  collection: string;
  roles: RoleConfig[];
  filters: FilterConfig[];
  last_modified: number;
}

/** The roles and filters of a data source's collections that have no rule of their own. */
export interface DefaultRuleConfig {
  _id: string;
  /** The data source's `_id`: a data source has at most one default rule. */
  name: string;
  service_id: string;
  roles: RoleConfig[];
  filters: FilterConfig[];
  last_modified: number;
}

export interface AppConfig {
  auth_providers: AuthProviderConfig[];
  custom_user_data: CustomUserDataConfig;
  functions: FunctionConfig[];
  values: ValueConfig[];
  services: ServiceConfig[];
  triggers: TriggerConfig[];
  environment_values: EnvironmentValueConfig[];
  rules: RuleConfig[];
  default_rules: DefaultRuleConfig[];
  environment: EnvironmentConfig;
  security: SecurityConfig;
}

/** The sections that are lists of named entities with an `_id`. */
export const ENTITY_SECTIONS = [
  'auth_providers',
  'functions',
  'values',
  'services',
  'triggers',
  'environment_values',
  'rules',
  'default_rules',
] as const;
export type EntitySection = (typeof ENTITY_SECTIONS)[number];
/** The sections that are single objects. */
export const OBJECT_SECTIONS = ['custom_user_data', 'environment', 'security'] as const;
export type ObjectSection = (typeof OBJECT_SECTIONS)[number];

export const DEFAULT_REFRESH_TOKEN_EXPIRATION_SECONDS = 60 * 24 * 60 * 60;

function emptyCustomUserData(): CustomUserDataConfig {
  return {
    enabled: false,
    mongo_service_id: '',
    database_name: '',
    collection_name: '',
    user_id_field: '',
    on_user_creation_function_id: '',
  };
}

/** A new app has the api-key provider, disabled (as App Services creates it), and nothing else. */
export function defaultAppConfig(): AppConfig {
  return {
    auth_providers: [
      {
        _id: newObjectIdHex(),
        name: 'api-key',
        type: 'api-key',
        disabled: true,
      },
    ],
    custom_user_data: emptyCustomUserData(),
    functions: [],
    values: [],
    services: [],
    triggers: [],
    environment_values: [],
    rules: [],
    default_rules: [],
    environment: { tag: '' },
    security: {
      refresh_token_expiration_seconds: DEFAULT_REFRESH_TOKEN_EXPIRATION_SECONDS,
      allowed_request_origins: [],
    },
  };
}

/** Fills sections a stored config may lack (configs written by older versions of this server). */
export function normalizeAppConfig(stored: Partial<AppConfig> | undefined): AppConfig {
  const s = stored ?? {};
  return {
    auth_providers: s.auth_providers ?? [],
    custom_user_data: { ...emptyCustomUserData(), ...s.custom_user_data },
    functions: s.functions ?? [],
    values: s.values ?? [],
    services: s.services ?? [],
    triggers: s.triggers ?? [],
    environment_values: s.environment_values ?? [],
    rules: s.rules ?? [],
    default_rules: s.default_rules ?? [],
    environment: { tag: s.environment?.tag ?? '' },
    security: {
      refresh_token_expiration_seconds:
        s.security?.refresh_token_expiration_seconds ?? DEFAULT_REFRESH_TOKEN_EXPIRATION_SECONDS,
      allowed_request_origins: s.security?.allowed_request_origins ?? [],
    },
  };
}

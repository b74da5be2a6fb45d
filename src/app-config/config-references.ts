import type { AppConfig, DefaultRuleConfig, FunctionConfig, RuleConfig } from './app-config.types';

/**
 * The auth provider settings that name a function (custom-function and local-userpass). Each is
 * two config keys: `<setting>Id` (what the Admin API stores) and `<setting>Name` (the config-file
 * form; configs stored before ids were kept may hold only the name).
 */
export const PROVIDER_FUNCTION_SETTINGS = [
  'authFunction',
  'confirmationFunction',
  'resetFunction',
] as const;
export type ProviderFunctionSetting = (typeof PROVIDER_FUNCTION_SETTINGS)[number];

export const functionIdKey = (s: ProviderFunctionSetting) => `${s}Id` as const;
export const functionNameKey = (s: ProviderFunctionSetting) => `${s}Name` as const;

/** A setting's reference as a provider config holds it: id and/or name, empty strings left out. */
export function providerFunctionRef(
  config: Record<string, unknown> | undefined,
  setting: ProviderFunctionSetting,
): { id?: string; name?: string } {
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const id = text(config?.[functionIdKey(setting)]);
  const name = text(config?.[functionNameKey(setting)]);
  return { ...(id ? { id } : {}), ...(name ? { name } : {}) };
}

/** The functions a rule's roles and filters call by name (`{"%function": {"name": …}}`). */
export function calledFunctionNames(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) calledFunctionNames(v, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      const name = (v as { name?: unknown } | null)?.name;
      if (key === '%function' && typeof name === 'string') into.add(name);
      calledFunctionNames(v, into);
    }
  }
  return into;
}

/** How a rule is named in messages: `rule "db.coll" of data source "x"`. */
function ruleLabel(config: AppConfig, rule: RuleConfig | DefaultRuleConfig): string {
  const service = config.services.find((s) => s._id === rule.service_id)?.name ?? rule.service_id;
  return 'database' in rule
    ? `rule "${rule.name}" of data source "${service}"`
    : `default rule of data source "${service}"`;
}

/**
 * What refers to a function by name: auth provider settings stored by name, and collection rules
 * (`%function`). Those would break if the function were renamed; settings stored by id follow a
 * rename.
 */
export function functionNameUsers(config: AppConfig, name: string): string[] {
  const users: string[] = [];
  for (const rule of [...config.rules, ...config.default_rules]) {
    if (calledFunctionNames([rule.roles, rule.filters]).has(name)) {
      users.push(ruleLabel(config, rule));
    }
  }
  for (const p of config.auth_providers) {
    for (const s of PROVIDER_FUNCTION_SETTINGS) {
      const ref = providerFunctionRef(p.config, s);
      if (ref.id === undefined && ref.name === name) {
        users.push(`auth provider "${p.name}" (${functionNameKey(s)})`);
      }
    }
  }
  return users;
}

/**
 * Everything in the config that uses a function: custom user data and triggers (by id), auth
 * providers (by id, or by name where only a name is stored), collection rules (by name). The one
 * place that knows where functions may be referenced.
 */
export function functionUsers(config: AppConfig, fn: FunctionConfig): string[] {
  const users: string[] = [];
  if (config.custom_user_data.on_user_creation_function_id === fn._id) {
    users.push('custom user data (user creation function)');
  }
  for (const t of config.triggers) if (t.function_id === fn._id) users.push(`trigger "${t.name}"`);
  for (const p of config.auth_providers) {
    for (const s of PROVIDER_FUNCTION_SETTINGS) {
      if (providerFunctionRef(p.config, s).id === fn._id) {
        users.push(`auth provider "${p.name}" (${functionIdKey(s)})`);
      }
    }
  }
  return [...users, ...functionNameUsers(config, fn.name)];
}

/**
 * Everything in the config that uses a data source (custom user data, by id). Its collection
 * rules are not users: they belong to it, and are deleted with it.
 */
export function serviceUsers(config: AppConfig, serviceId: string): string[] {
  return config.custom_user_data.mongo_service_id === serviceId ? ['custom user data'] : [];
}

import type { AppConfig, FunctionConfig } from './app-config.types';

/** The auth provider config keys that name a function (custom-function and local-userpass). */
export const PROVIDER_FUNCTION_KEYS = [
  'authFunctionName',
  'confirmationFunctionName',
  'resetFunctionName',
] as const;

/** What refers to a function by name: auth providers' function settings. */
export function functionNameUsers(config: AppConfig, name: string): string[] {
  const users: string[] = [];
  for (const p of config.auth_providers) {
    for (const key of PROVIDER_FUNCTION_KEYS) {
      if (p.config?.[key] === name) users.push(`auth provider "${p.name}" (${key})`);
    }
  }
  return users;
}

/**
 * Everything in the config that uses a function: custom user data and triggers (by id), auth
 * providers (by name). The one place that knows where functions may be referenced.
 */
export function functionUsers(config: AppConfig, fn: FunctionConfig): string[] {
  const users: string[] = [];
  if (config.custom_user_data.on_user_creation_function_id === fn._id) {
    users.push('custom user data (user creation function)');
  }
  for (const t of config.triggers) if (t.function_id === fn._id) users.push(`trigger "${t.name}"`);
  return [...users, ...functionNameUsers(config, fn.name)];
}

/** Everything in the config that uses a data source (custom user data, by id). */
export function serviceUsers(config: AppConfig, serviceId: string): string[] {
  return config.custom_user_data.mongo_service_id === serviceId ? ['custom user data'] : [];
}

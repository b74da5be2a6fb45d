import type { AppConfig } from './app-config.types';

/**
 * Every secret name a config refers to: auth providers' `secret_config` (a name or a list of
 * names per key, e.g. custom-token `signingKeys`), values with `from_secret`, and services'
 * `secret_config`. The one place that knows where secrets may be referenced.
 */
export function secretReferences(config: AppConfig): Map<string, string[]> {
  const refs = new Map<string, string[]>();
  const add = (name: unknown, where: string) => {
    if (typeof name !== 'string' || name === '') return;
    refs.set(name, [...(refs.get(name) ?? []), where]);
  };
  for (const p of config.auth_providers) {
    for (const [key, v] of Object.entries(p.secret_config ?? {})) {
      for (const name of Array.isArray(v) ? v : [v])
        add(name, `auth provider "${p.name}" (${key})`);
    }
  }
  for (const v of config.values) if (v.from_secret) add(v.value, `value "${v.name}"`);
  for (const s of config.services) {
    for (const [key, name] of Object.entries(s.secret_config ?? {}))
      add(name, `service "${s.name}" (${key})`);
  }
  return refs;
}

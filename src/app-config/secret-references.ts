import type { AppConfig } from './app-config.types';

/** One place a config names a secret: the entity that does, and the setting for providers and services. */
export interface SecretReference {
  secret: string;
  kind: 'auth provider' | 'value' | 'service';
  name: string;
  key?: string;
}

/**
 * Every secret name a config refers to, each time it does: auth providers' `secret_config` (a
 * name or a list of names per key, e.g. custom-token `signingKeys`), values with `from_secret`,
 * and services' `secret_config`. The one place that knows where secrets may be referenced.
 */
export function secretReferenceList(config: AppConfig): SecretReference[] {
  const refs: SecretReference[] = [];
  const add = (secret: unknown, ref: Omit<SecretReference, 'secret'>) => {
    if (typeof secret === 'string' && secret !== '') refs.push({ secret, ...ref });
  };
  for (const p of config.auth_providers) {
    for (const [key, v] of Object.entries(p.secret_config ?? {})) {
      for (const name of Array.isArray(v) ? v : [v])
        add(name, { kind: 'auth provider', name: p.name, key });
    }
  }
  for (const v of config.values) if (v.from_secret) add(v.value, { kind: 'value', name: v.name });
  for (const s of config.services) {
    for (const [key, name] of Object.entries(s.secret_config ?? {}))
      add(name, { kind: 'service', name: s.name, key });
  }
  return refs;
}

/** The secrets a config refers to, each with what refers to it (`value "x"`, ...). */
export function secretReferences(config: AppConfig): Map<string, string[]> {
  const refs = new Map<string, string[]>();
  for (const { secret, kind, name, key } of secretReferenceList(config)) {
    const where = `${kind} "${name}"${key === undefined ? '' : ` (${key})`}`;
    refs.set(secret, [...(refs.get(secret) ?? []), where]);
  }
  return refs;
}

import type { AuthProviderConfig } from '../app-config/app-config.types';
import {
  functionIdKey,
  functionNameKey,
  type ProviderFunctionSetting,
} from '../app-config/config-references';
import { InvalidInputError } from '../errors/app-error';

/**
 * Small checks shared by the provider types. Stored configs are plain JSON, so every check takes
 * `unknown` rather than trusting the wire types: the same code validates API input and whole
 * configs (imports, merged drafts).
 */

export function invalid(p: Pick<AuthProviderConfig, 'type'>, message: string): InvalidInputError {
  return new InvalidInputError(`invalid auth provider "${p.type}": ${message}`);
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** Absolute URL with any scheme (mobile redirect URIs use custom schemes). */
export function isAbsoluteUrl(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  try {
    return new URL(v).protocol.length > 1;
  } catch {
    return false;
  }
}

export function isHttpUrl(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  try {
    const { protocol, hostname } = new URL(v);
    return (protocol === 'https:' || protocol === 'http:') && hostname !== '';
  } catch {
    return false;
  }
}

const DOMAIN =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;
export const isDomain = (v: unknown): v is string => typeof v === 'string' && DOMAIN.test(v);

/** The settings object of a provider (`config` or `secret_config`), `{}` when absent. */
export function section(
  p: AuthProviderConfig,
  key: 'config' | 'secret_config',
): Record<string, unknown> {
  const value: unknown = p[key];
  if (value === undefined) return {};
  if (!isRecord(value)) throw invalid(p, `${key} must be an object`);
  return value;
}

/** Refuses keys a provider type does not know, naming them. */
export function onlyKeys(
  p: AuthProviderConfig,
  key: 'config' | 'secret_config',
  allowed: readonly string[],
): void {
  const unknown = Object.keys(section(p, key)).filter((k) => !allowed.includes(k));
  if (unknown.length === 0) return;
  const known = allowed.length ? `; allowed: ${allowed.join(', ')}` : '';
  throw invalid(p, `unknown ${key} key(s) for ${p.type}: ${unknown.join(', ')}${known}`);
}

/** Type checks for optional settings: absent is fine, a wrong type is a 400 naming the key. */
export function optionalBoolean(p: AuthProviderConfig, where: string, v: unknown): void {
  if (v !== undefined && typeof v !== 'boolean') throw invalid(p, `${where} must be a boolean`);
}

export function optionalString(p: AuthProviderConfig, where: string, v: unknown): void {
  if (v !== undefined && typeof v !== 'string') throw invalid(p, `${where} must be a string`);
}

/** A list field that only some types accept: absent or empty elsewhere. */
export function list(
  p: AuthProviderConfig,
  key: keyof AuthProviderConfig,
  allowed: boolean,
): unknown[] {
  const value: unknown = p[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid(p, `${key} must be an array`);
  if (!allowed && value.length > 0) throw invalid(p, `${p.type} does not accept ${key}`);
  return value;
}

/**
 * A setting that names a function by `config.<setting>Id` and/or `config.<setting>Name`: each a
 * string when given; when `isRequired`, at least one of them non-empty.
 */
export function functionSetting(
  p: AuthProviderConfig,
  config: Record<string, unknown>,
  setting: ProviderFunctionSetting,
  isRequired: boolean,
): void {
  const idKey = functionIdKey(setting);
  const nameKey = functionNameKey(setting);
  optionalString(p, `config.${idKey}`, config[idKey]);
  optionalString(p, `config.${nameKey}`, config[nameKey]);
  if (isRequired && !isNonEmptyString(config[idKey]) && !isNonEmptyString(config[nameKey]))
    throw invalid(p, `config.${nameKey} or config.${idKey} is required (a non-empty string)`);
}

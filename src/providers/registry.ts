import { anonUser } from './anon-user';
import { apiKey } from './api-key';
import { customFunction } from './custom-function';
import { customToken } from './custom-token';
import { localUserpass } from './local-userpass';
import type { LoginProvider, LoginProviderDeps } from './login-provider';
import { oauth2Apple } from './oauth2-apple';
import { oauth2Facebook } from './oauth2-facebook';
import { oauth2Google } from './oauth2-google';
import type { ProviderDefinition, ProviderTypeRules } from './provider-type';

/**
 * The provider types App Services has (the spec's `ProviderType`), one line each, in the order
 * error messages list them. Everything else about provider types is derived from this list.
 */
const PROVIDERS = [
  anonUser,
  localUserpass,
  apiKey,
  customToken,
  customFunction,
  oauth2Google,
  oauth2Facebook,
  oauth2Apple,
] as const satisfies readonly ProviderDefinition[];

export type ProviderType = (typeof PROVIDERS)[number]['type'];

export const PROVIDER_TYPE_NAMES: readonly ProviderType[] = PROVIDERS.map((p) => p.type);

const DEFINITIONS: readonly ProviderDefinition[] = PROVIDERS;
const BY_TYPE = new Map(DEFINITIONS.map((p) => [p.type, p]));

/** The config rules of a provider type; undefined for a type App Services does not have. */
export function rulesFor(type: string): ProviderTypeRules | undefined {
  return BY_TYPE.get(type)?.rules;
}

/**
 * The login strategies by provider type, for the Client API's LoginService. Types without one
 * refuse logins with a clear error.
 */
export function loginProviders(deps: LoginProviderDeps): ReadonlyMap<string, LoginProvider> {
  const strategies = new Map<string, LoginProvider>();
  for (const p of DEFINITIONS) if (p.login) strategies.set(p.type, p.login(deps));
  return strategies;
}

import type { AppConfig, AuthProviderConfig } from '../../app-config/app-config.types';
import { ConflictError, InvalidInputError } from '../../errors/app-error';
import type { ConfigRule } from '../../domain/deployments/config-store';
import { providerFunctionsExist } from './provider-functions';
import {
  invalid,
  isAbsoluteUrl,
  isDomain,
  list,
  onlyKeys,
  section,
} from '../../providers/config-checks';
import type { SecretLengthRule } from '../../providers/provider-type';
import { PROVIDER_TYPE_NAMES, rulesFor } from '../../providers/registry';

/**
 * Checks one provider definition on its own: name = type, the keys and values its type accepts,
 * and its list fields. References to functions and secrets are checked against the whole config
 * by the config rules (functions here, secrets in secretsExistRule).
 */
export function validateAuthProvider(p: AuthProviderConfig): void {
  const rules = rulesFor(p.type);
  if (!rules) {
    throw new InvalidInputError(
      `unknown auth provider type "${p.type}"; expected one of ${PROVIDER_TYPE_NAMES.join(', ')}`,
    );
  }
  if (p.name !== p.type) throw invalid(p, `name must equal type ("${p.type}"), got "${p.name}"`);
  if (typeof p.disabled !== 'boolean') throw invalid(p, 'disabled must be a boolean');
  onlyKeys(p, 'config', rules.configKeys);
  onlyKeys(p, 'secret_config', rules.secretKeys);

  list(p, 'redirect_uris', rules.acceptsRedirectUris).forEach((uri) => {
    if (!isAbsoluteUrl(uri))
      throw invalid(p, `redirect_uris: ${JSON.stringify(uri)} is not an absolute URL`);
  });
  list(p, 'domain_restrictions', rules.acceptsDomainRestrictions).forEach((domain) => {
    if (!isDomain(domain))
      throw invalid(p, `domain_restrictions: ${JSON.stringify(domain)} is not a domain name`);
  });
  const metadata = list(p, 'metadata_fields', rules.metadataFields !== undefined);
  rules.metadataFields?.(p, metadata);

  rules.validate(p, section(p, 'config'), section(p, 'secret_config'));
}

/** Secrets of this provider whose values have length limits (checked where values are read). */
export function secretLengthRules(p: AuthProviderConfig): SecretLengthRule[] {
  return rulesFor(p.type)?.secretLengths?.(section(p, 'secret_config')) ?? [];
}

function uniqueProviders(config: AppConfig): void {
  const seen = new Set<string>();
  for (const p of config.auth_providers) {
    for (const key of [`type:${p.type}`, `name:${p.name}`]) {
      if (seen.has(key)) {
        throw new ConflictError(
          `the config has more than one auth provider named or typed "${p.name}"`,
          'AuthProviderDuplicateName',
        );
      }
      seen.add(key);
    }
  }
}

function functionsExist(config: AppConfig): void {
  for (const p of config.auth_providers) providerFunctionsExist(p, config.functions);
}

/**
 * Config rule: at most one provider per type and name, and every function a provider calls
 * exists. Runs on every stored draft and every deployment, so deleting a function a provider
 * uses is refused too (and renaming one it names by name only, as configs stored before ids
 * were kept do).
 */
export const authProvidersRule: ConfigRule = (config) => {
  uniqueProviders(config);
  functionsExist(config);
};

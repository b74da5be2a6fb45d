import type { AuthProviderConfig } from '../app-config/app-config.types';
import type { ProviderFunctionSetting } from '../app-config/config-references';
import type { LoginProvider, LoginProviderDeps } from './login-provider';

/**
 * A setting of the provider that names a function (`config.<setting>Id` and/or `<setting>Name`),
 * and whether the provider's current mode runs it.
 */
export interface FunctionSetting {
  setting: ProviderFunctionSetting;
  isUsed: boolean;
}

/** A secret whose value must have a length in [min, max] (e.g. custom-token signing keys). */
export interface SecretLengthRule {
  key: string;
  name: string;
  min: number;
  max: number;
}

/**
 * What one provider type accepts. The common checks (name = type, known keys, which list fields
 * the type takes) are driven by the fields; `validate` adds the type's own meaning.
 */
export interface ProviderTypeRules {
  readonly configKeys: readonly string[];
  readonly secretKeys: readonly string[];
  readonly acceptsRedirectUris: boolean;
  readonly acceptsDomainRestrictions: boolean;
  /** Checks `metadata_fields` items; types without it accept none. */
  readonly metadataFields?: (p: AuthProviderConfig, items: readonly unknown[]) => void;
  /** Checks the values of `config` and `secret_config` (their keys were already checked). */
  validate(
    p: AuthProviderConfig,
    config: Record<string, unknown>,
    secrets: Record<string, unknown>,
  ): void;
  /** The settings that name functions; those in use must name a function of the app config. */
  functionSettings?(config: Record<string, unknown>): FunctionSetting[];
  /** Secrets whose values have length limits. */
  secretLengths?(secrets: Record<string, unknown>): SecretLengthRule[];
}

/**
 * One provider type, as `providers/<type>/index.ts` exports it and `providers/registry.ts` lists
 * it: what the Admin API accepts in its config, and how the Client API logs its users in. A type
 * without a login strategy is configurable, but its logins are refused as unsupported.
 */
export interface ProviderDefinition {
  readonly type: string;
  readonly rules: ProviderTypeRules;
  readonly login?: (deps: LoginProviderDeps) => LoginProvider;
}

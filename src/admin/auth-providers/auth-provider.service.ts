import type { AuthProviderConfig } from '../../app-config/app-config.types';
import { EntityList, newEntityId } from '../../app-config/entities';
import { ConflictError, InvalidInputError } from '../../errors/app-error';
import type { ConfigStore } from '../../domain/deployments/config-store';
import { secretLengthRules, validateAuthProvider } from './auth-provider.rules';
import { storedByFunctionId, withFunctionNames } from './provider-functions';
import { invalid } from '../../providers/config-checks';

/** A provider as a create or update body gives it: no `_id` of its own, `disabled` optional. */
export type ProviderDefinition = Omit<AuthProviderConfig, '_id' | 'disabled'> & {
  _id?: string;
  disabled?: boolean;
};

const AUTH_PROVIDERS = new EntityList<AuthProviderConfig>('auth_providers', {
  label: 'auth provider',
  notFound: 'AuthProviderNotFound',
  duplicate: 'AuthProviderDuplicateName',
});

/** Reads secret values by name (the secrets service); only lengths are ever looked at here. */
export interface SecretValues {
  resolve(appId: string, name: string): Promise<string | undefined>;
}

/**
 * Auth providers live in the app config: reads see the admin's draft if one is open, writes go
 * through the config store (into the draft, or deployed at once), where the config rules check
 * the function and secret references. Functions a provider runs are stored by id and shown by
 * id and name (see provider-functions.ts).
 */
export class AuthProviderService {
  constructor(
    private readonly store: ConfigStore,
    private readonly secrets: SecretValues,
  ) {}

  async list(appId: string, adminId: string): Promise<AuthProviderConfig[]> {
    return AUTH_PROVIDERS.of(await this.store.view(appId, adminId));
  }

  async get(appId: string, adminId: string, id: string): Promise<AuthProviderConfig> {
    const config = await this.store.view(appId, adminId);
    return withFunctionNames(AUTH_PROVIDERS.find(config, id), config.functions);
  }

  /** The server assigns `_id` (one in the body is ignored); `disabled` defaults to false. */
  async create(
    appId: string,
    adminId: string,
    def: ProviderDefinition,
  ): Promise<AuthProviderConfig> {
    const provider = build(newEntityId(), def, false);
    validateAuthProvider(provider);
    await this.checkSecretLengths(appId, provider);
    return this.store.change(appId, adminId, (config) => {
      if (config.auth_providers.some((p) => p.type === provider.type)) {
        throw new ConflictError(
          `an auth provider of type "${provider.type}" already exists`,
          'AuthProviderAlreadyExists',
        );
      }
      const stored = storedByFunctionId(provider, config.functions);
      config.auth_providers.push(stored);
      return withFunctionNames(stored, config.functions);
    });
  }

  /** Replaces the definition; `name` and `type` stay, and `disabled` stays when not given. */
  async update(appId: string, adminId: string, id: string, def: ProviderDefinition): Promise<void> {
    if (def._id !== undefined && def._id.toLowerCase() !== id.toLowerCase())
      throw new InvalidInputError(`_id "${def._id}" does not match the provider id in the path`);
    await this.store.change(appId, adminId, async (config) => {
      const current = AUTH_PROVIDERS.find(config, id);
      if (def.type !== current.type || def.name !== current.name) {
        throw invalid(
          current,
          `name and type cannot change (got name "${def.name}", type "${def.type}")`,
        );
      }
      const next = build(current._id, def, current.disabled);
      validateAuthProvider(next);
      await this.checkSecretLengths(appId, next);
      AUTH_PROVIDERS.replace(config, id, undefined, () =>
        storedByFunctionId(next, config.functions),
      );
    });
  }

  async delete(appId: string, adminId: string, id: string): Promise<void> {
    await this.store.change(appId, adminId, (config) => {
      AUTH_PROVIDERS.remove(config, id);
    });
  }

  /** Enabling checks the definition again: some settings are required only when enabled. */
  async setDisabled(appId: string, adminId: string, id: string, disabled: boolean): Promise<void> {
    await this.store.change(appId, adminId, (config) => {
      AUTH_PROVIDERS.replace(config, id, undefined, (current) => {
        const next = { ...current, disabled };
        if (!disabled) validateAuthProvider(next);
        return next;
      });
    });
  }

  /** Missing secrets are left to secretsExistRule, which reports them as SecretNotFound. */
  private async checkSecretLengths(appId: string, p: AuthProviderConfig): Promise<void> {
    for (const rule of secretLengthRules(p)) {
      const value = await this.secrets.resolve(appId, rule.name);
      if (value !== undefined && (value.length < rule.min || value.length > rule.max)) {
        throw invalid(
          p,
          `secret "${rule.name}" (${rule.key}) must hold ${rule.min} to ${rule.max} characters`,
        );
      }
    }
  }
}

function build(id: string, def: ProviderDefinition, disabled: boolean): AuthProviderConfig {
  const { _id: _ignored, ...rest } = def;
  return { _id: id, ...rest, disabled: def.disabled ?? disabled };
}

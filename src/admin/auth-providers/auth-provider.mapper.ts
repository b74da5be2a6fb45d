import type { AuthProviderConfig } from '../../app-config/app-config.types';
import type { components } from '../../generated/openapi';
import type { ProviderDefinition } from './auth-provider.service';

type Schemas = components['schemas'];
type AuthProvider = Schemas['AuthProvider'];
type AuthProviderSummary = Schemas['AuthProviderSummary'];
type AuthProviderConstructor = Schemas['AuthProviderConstructor'];

/** The body of a create or update, as given: fields left out stay out (read-back = what was sent). */
export function fromConstructor(body: AuthProviderConstructor): ProviderDefinition {
  const def: ProviderDefinition = { name: body.name, type: body.type };
  if (body._id !== undefined) def._id = body._id;
  if (body.disabled !== undefined) def.disabled = body.disabled;
  if (body.config !== undefined) def.config = body.config;
  if (body.secret_config !== undefined) def.secret_config = body.secret_config;
  if (body.metadata_fields !== undefined) def.metadata_fields = body.metadata_fields;
  if (body.redirect_uris !== undefined) def.redirect_uris = body.redirect_uris;
  if (body.domain_restrictions !== undefined) def.domain_restrictions = body.domain_restrictions;
  return def;
}

export function toAuthProvider(p: AuthProviderConfig): AuthProvider {
  const out: AuthProvider = {
    _id: p._id,
    name: p.name,
    type: p.type as AuthProvider['type'],
    disabled: p.disabled,
  };
  // Stored configs were validated against these shapes when written; secret_config holds names.
  if (p.config !== undefined) out.config = p.config;
  if (p.secret_config !== undefined)
    out.secret_config = p.secret_config as AuthProvider['secret_config'];
  if (p.metadata_fields !== undefined)
    out.metadata_fields = p.metadata_fields as AuthProvider['metadata_fields'];
  if (p.redirect_uris !== undefined) out.redirect_uris = p.redirect_uris;
  if (p.domain_restrictions !== undefined) out.domain_restrictions = p.domain_restrictions;
  return out;
}

export function toAuthProviderSummary(p: AuthProviderConfig): AuthProviderSummary {
  return {
    _id: p._id,
    name: p.name,
    type: p.type as AuthProviderSummary['type'],
    disabled: p.disabled,
  };
}

import type { AuthProviderConfig } from '../../app-config/app-config.types';
import type { SecretResolver } from '../../app-config/secret-resolver';
import { UnauthorizedError } from '../../errors/app-error';
import { OAUTH2_METADATA_NAMES } from '../metadata-fields';

export type OAuth2MetadataName = (typeof OAUTH2_METADATA_NAMES)[number];

export interface OAuth2MetadataField {
  readonly name: OAuth2MetadataName;
  readonly required: boolean;
}

/** An OAuth 2.0 provider's stored settings, read defensively (stored configs are plain JSON). */
export interface OAuth2Settings {
  readonly type: string;
  /** `config.clientId`: the `aud` of ID tokens, the app of Facebook tokens. */
  readonly clientId: string;
  /** `secret_config.clientSecret`: the name of the secret holding the client secret. */
  readonly clientSecretName: string | undefined;
  /** Google's `config.openId`: OpenID Connect (ID tokens) rather than plain OAuth 2.0. */
  readonly openId: boolean;
  /** Lower-cased domains the user must belong to; empty: anyone. */
  readonly domainRestrictions: readonly string[];
  /** The configured metadata fields (unknown names, as an imported config may hold, skipped). */
  readonly metadataFields: readonly OAuth2MetadataField[];
  /** The provider's redirect URIs: where the browser redirect flow may send users back. */
  readonly redirectUris: readonly string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s !== '') : [];

/**
 * The settings of an OAuth 2.0 provider. A provider without a client id (only a disabled one
 * may be saved so) refuses every login.
 */
export function oauth2Settings(p: AuthProviderConfig): OAuth2Settings {
  const config = p.config ?? {};
  const secrets = p.secret_config ?? {};
  const clientId = typeof config.clientId === 'string' ? config.clientId : '';
  if (clientId === '') {
    throw new UnauthorizedError(
      `authentication provider "${p.name}" has no client id (config.clientId)`,
      'AuthError',
    );
  }
  const metadataFields: OAuth2MetadataField[] = [];
  for (const f of p.metadata_fields ?? []) {
    if (!isRecord(f) || !(OAUTH2_METADATA_NAMES as readonly unknown[]).includes(f.name)) continue;
    metadataFields.push({ name: f.name as OAuth2MetadataName, required: f.required === true });
  }
  return {
    type: p.type,
    clientId,
    clientSecretName:
      typeof secrets.clientSecret === 'string' && secrets.clientSecret !== ''
        ? secrets.clientSecret
        : undefined,
    openId: config.openId === true,
    domainRestrictions: strings(p.domain_restrictions).map((d) => d.toLowerCase()),
    metadataFields,
    redirectUris: strings(p.redirect_uris),
  };
}

/**
 * The client secret's value, resolved by name at each use (so a rotation applies at once). A
 * provider whose secret is not set cannot exchange codes or check tokens: a 401 saying so (the
 * AUTH log entry tells the admin).
 */
export async function clientSecret(
  resolve: SecretResolver,
  appId: string,
  s: OAuth2Settings,
): Promise<string> {
  const value = s.clientSecretName && (await resolve(appId, s.clientSecretName));
  if (!value) {
    throw new UnauthorizedError(
      s.clientSecretName
        ? `the client secret of "${s.type}" (secret "${s.clientSecretName}") is not set`
        : `authentication provider "${s.type}" has no client secret (secret_config.clientSecret)`,
      'AuthError',
    );
  }
  return value;
}

/** True when the domain (e.g. Google's `hd`, or an email's) is allowed by the restrictions. */
export function domainAllowed(s: OAuth2Settings, domain: unknown): boolean {
  if (s.domainRestrictions.length === 0) return true;
  return typeof domain === 'string' && s.domainRestrictions.includes(domain.toLowerCase());
}

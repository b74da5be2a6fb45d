import type { SecretResolver } from '../../app-config/secret-resolver';
import type { AuthenticatedIdentity } from '../../domain/users/authenticated-identity';
import type { AuthorizationRequest, OAuth2Target } from './oauth2-flow';
import { mapOAuth2Metadata, type MetadataSources } from './oauth2-metadata';
import { clientSecret, type OAuth2Settings } from './oauth2-settings';
import type { OidcIssuer } from './oidc-issuer';
import { unauthorized } from './provider-http';

/** `sub` becomes an identity id. */
const MAX_SUBJECT_CHARS = 255;

/** How an OpenID provider (Google, Apple) turns its verified profile into an identity. */
export interface OidcProfilePolicy {
  /** Where each metadata name is in the profile (ID token claims, userinfo). */
  readonly metadata: MetadataSources;
  /** Further checks of the profile (Google: the `hd` claim against domain_restrictions). */
  readonly check?: (s: OAuth2Settings, profile: Record<string, unknown>) => void;
}

/** How a code exchange identifies the user. */
export type ProfileSource =
  /** The verified ID token of the token answer (OpenID Connect); userinfo fills missing fields. */
  | 'id_token'
  /** The userinfo endpoint, called with the token answer's access token (plain OAuth 2.0). */
  | 'userinfo';

/**
 * The identity of a verified profile: `sub` is the identity id, the configured metadata fields
 * its data (a required one missing fails the login before anything is stored).
 */
export function oidcIdentity(
  s: OAuth2Settings,
  profile: Record<string, unknown>,
  policy: OidcProfilePolicy,
): AuthenticatedIdentity {
  const sub = profile.sub;
  if (typeof sub !== 'string' || sub === '' || sub.length > MAX_SUBJECT_CHARS) throw unauthorized();
  policy.check?.(s, profile);
  return { externalId: sub, data: mapOAuth2Metadata(profile, policy.metadata, s.metadataFields) };
}

const isMissing = (v: unknown) => v === undefined || v === null || v === '';

/**
 * Exchanges an authorization code with the app's client secret and returns the verified
 * profile: the ID token's claims (checked like a credential's ID token, with the nonce when one
 * was sent), completed from userinfo when a configured metadata field is missing from them, or
 * (`userinfo`) the userinfo endpoint's answer alone.
 */
export async function exchangeForProfile(
  issuer: OidcIssuer,
  resolveSecret: SecretResolver,
  target: OAuth2Target,
  s: OAuth2Settings,
  policy: OidcProfilePolicy,
  source: ProfileSource,
  req: { code: string; redirectUri?: string; codeVerifier?: string; nonce?: string },
): Promise<Record<string, unknown>> {
  if (req.code === '') throw unauthorized();
  const tokens = await issuer.exchangeCode({
    code: req.code,
    clientId: s.clientId,
    clientSecret: await clientSecret(resolveSecret, target.app.appId, s),
    redirectUri: req.redirectUri,
    codeVerifier: req.codeVerifier,
  });
  if (source === 'userinfo') {
    const info = tokens.accessToken ? await issuer.userinfo(tokens.accessToken) : undefined;
    if (!info) throw unauthorized();
    return info;
  }
  if (!tokens.idToken) throw unauthorized();
  const claims = await issuer.verifyIdToken(tokens.idToken, {
    clientId: s.clientId,
    nonce: req.nonce,
  });
  const incomplete = s.metadataFields.some((f) => {
    const read = policy.metadata[f.name];
    return read !== undefined && isMissing(read(claims));
  });
  if (!incomplete || !tokens.accessToken) return claims;
  const info = await issuer.userinfo(tokens.accessToken);
  // The ID token's claims win; userinfo only adds, and only for the same subject.
  if (!info || info.sub !== claims.sub) return claims;
  return { ...info, ...claims };
}

/** The authorization endpoint's parameters of a code flow with PKCE S256. */
export function codeFlowParams(
  clientId: string,
  req: AuthorizationRequest,
  scopes: readonly string[],
): Record<string, string> {
  return {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: req.redirectUri,
    scope: scopes.join(' '),
    state: req.state,
    code_challenge: req.codeChallenge,
    code_challenge_method: 'S256',
    ...(req.nonce !== undefined ? { nonce: req.nonce } : {}),
  };
}

/** The optional `nonce` of a credential body: checked against the ID token's when given. */
export function payloadNonce(payload: Record<string, unknown>): string | undefined {
  return typeof payload.nonce === 'string' && payload.nonce !== '' ? payload.nonce : undefined;
}

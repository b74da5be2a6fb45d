import { UnauthorizedError } from '../../errors/app-error';
import type { AuthenticatedIdentity } from '../../domain/users/authenticated-identity';
import type { LoginProvider, LoginProviderDeps } from '../login-provider';
import type { OAuth2RedirectFlow, OAuth2Target } from '../oauth2/oauth2-flow';
import { field, mapOAuth2Metadata, type MetadataSources } from '../oauth2/oauth2-metadata';
import {
  clientSecret,
  domainAllowed,
  oauth2Settings,
  type OAuth2MetadataName,
  type OAuth2Settings,
} from '../oauth2/oauth2-settings';
import { ProviderHttp, unauthorized } from '../oauth2/provider-http';
import { FacebookGraph } from './facebook-graph';

/** Longer access tokens are refused unread. */
const MAX_TOKEN_CHARS = 4096;

const nested = (key: string, inner: string[]) => (profile: Record<string, unknown>) =>
  inner.reduce<unknown>(
    (node, k) =>
      typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[k] : undefined,
    profile[key],
  );

/** The Graph API's `/me` fields for each App Services metadata name. */
const METADATA: MetadataSources = {
  name: field('name'),
  first_name: field('first_name'),
  last_name: field('last_name'),
  email: field('email'),
  gender: field('gender'),
  birthday: field('birthday'),
  picture: nested('picture', ['data', 'url']),
  min_age: nested('age_range', ['min']),
  max_age: nested('age_range', ['max']),
};

/** Which `/me` field, and which login permission, each metadata name needs. */
const GRAPH: Record<OAuth2MetadataName, { field: string; scope: string }> = {
  name: { field: 'name', scope: 'public_profile' },
  first_name: { field: 'first_name', scope: 'public_profile' },
  last_name: { field: 'last_name', scope: 'public_profile' },
  picture: { field: 'picture', scope: 'public_profile' },
  email: { field: 'email', scope: 'email' },
  gender: { field: 'gender', scope: 'user_gender' },
  birthday: { field: 'birthday', scope: 'user_birthday' },
  min_age: { field: 'age_range', scope: 'user_age_range' },
  max_age: { field: 'age_range', scope: 'user_age_range' },
};

function wanted(s: OAuth2Settings, what: 'field' | 'scope', always: string): string[] {
  const names = new Set([always]);
  for (const f of s.metadataFields) names.add(GRAPH[f.name][what]);
  if (s.domainRestrictions.length > 0) names.add(GRAPH.email[what]);
  return [...names];
}

const emailDomain = (email: unknown) =>
  typeof email === 'string' && email.includes('@') ? email.slice(email.lastIndexOf('@') + 1) : '';

/**
 * oauth2-facebook. Body `{accessToken}` (a user access token from Facebook Login): first checked
 * with `debug_token` and the app token (`<clientId>|<client secret>`) to be valid and issued to
 * this app's `config.clientId` (a token another app obtained is refused before any use), then
 * the profile read from `/me` with `appsecret_proof`; the identity is the Facebook user id.
 * `domain_restrictions` are checked against the email's domain.
 */
export function facebookProvider(deps: LoginProviderDeps): LoginProvider {
  const http = new ProviderHttp('oauth2-facebook', {
    timeoutMs: deps.oauth2.timeoutMs,
    log: deps.log,
  });
  const graph = new FacebookGraph(deps.oauth2.facebookGraphUrl, http);

  async function identityOf(target: OAuth2Target, token: string): Promise<AuthenticatedIdentity> {
    const s = oauth2Settings(target.provider);
    if (token === '' || token.length > MAX_TOKEN_CHARS) throw unauthorized();
    const secret = await clientSecret(deps.resolveSecret, target.app.appId, s);
    const { userId } = await graph.debugToken(token, s.clientId, secret);
    const profile = await graph.me(token, secret, wanted(s, 'field', 'id'));
    if (String(profile.id) !== userId) throw unauthorized();
    if (!domainAllowed(s, emailDomain(profile.email)))
      throw new UnauthorizedError(
        "the Facebook account's email domain is not one of the provider's domain_restrictions",
        'AuthError',
      );
    return { externalId: userId, data: mapOAuth2Metadata(profile, METADATA, s.metadataFields) };
  }

  const redirectFlow: OAuth2RedirectFlow = {
    authorizationUrl({ provider }, req) {
      const s = oauth2Settings(provider);
      const url = new URL(deps.oauth2.facebookDialogUrl);
      const params = {
        client_id: s.clientId,
        redirect_uri: req.redirectUri,
        state: req.state,
        response_type: 'code',
        scope: wanted(s, 'scope', 'public_profile').join(','),
        code_challenge: req.codeChallenge,
        code_challenge_method: 'S256',
      };
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      return Promise.resolve(url);
    },
    async exchangeCode(target, req) {
      const s = oauth2Settings(target.provider);
      if (req.code === '') throw unauthorized();
      const token = await graph.exchangeCode({
        ...req,
        clientId: s.clientId,
        clientSecret: await clientSecret(deps.resolveSecret, target.app.appId, s),
      });
      return identityOf(target, token);
    },
  };

  return {
    redirectFlow,
    async authenticate({ app, provider, payload }) {
      const token = payload.accessToken;
      if (typeof token !== 'string') throw unauthorized();
      return identityOf({ app, provider }, token);
    },
  };
}

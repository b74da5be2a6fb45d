import { UnauthorizedError } from '../../errors/app-error';
import type { LoginProvider, LoginProviderDeps } from '../login-provider';
import type { OAuth2RedirectFlow } from '../oauth2/oauth2-flow';
import { field } from '../oauth2/oauth2-metadata';
import { domainAllowed, oauth2Settings, type OAuth2Settings } from '../oauth2/oauth2-settings';
import { OidcIssuer } from '../oauth2/oidc-issuer';
import {
  codeFlowParams,
  exchangeForProfile,
  oidcIdentity,
  payloadNonce,
  type OidcProfilePolicy,
} from '../oauth2/oidc-login';
import { ProviderHttp, unauthorized } from '../oauth2/provider-http';

/** Google's ID token and userinfo claims for each App Services metadata name. */
const POLICY: OidcProfilePolicy = {
  metadata: {
    name: field('name'),
    first_name: field('given_name'),
    last_name: field('family_name'),
    picture: field('picture'),
    email: field('email'),
  },
  // domain_restrictions: the Google Workspace domain of the account (`hd`), never an email's.
  check(s, profile) {
    if (!domainAllowed(s, profile.hd))
      throw new UnauthorizedError(
        "the Google account's domain (hd) is not one of the provider's domain_restrictions",
        'AuthError',
      );
  },
};

/** The scopes the configured metadata needs (`openid` always). */
function scopes(s: OAuth2Settings): string[] {
  const names = new Set(s.metadataFields.map((f) => f.name));
  const wanted = ['openid'];
  if (names.has('email') || s.domainRestrictions.length > 0) wanted.push('email');
  if (
    names.has('name') ||
    names.has('first_name') ||
    names.has('last_name') ||
    names.has('picture')
  )
    wanted.push('profile');
  return wanted;
}

/** Google's ID tokens carry `https://accounts.google.com` or, from older clients, the bare host. */
function issuerAliases(issuer: string): string[] {
  return issuer.startsWith('https://') ? [issuer.slice('https://'.length)] : [];
}

/**
 * oauth2-google. Bodies: `{id_token}` (Sign in with Google / One Tap; needs `config.openId`,
 * OpenID Connect) verified against Google's keys with `aud` = the client id, `nonce` checked
 * when the body gives one; `{authCode}` (a server auth code from Google Sign-In) exchanged at
 * Google's token endpoint with the client secret: with `openId` the user is the exchange's ID
 * token, else Google's userinfo. `domain_restrictions` are checked against the `hd` claim.
 */
export function googleProvider(deps: LoginProviderDeps): LoginProvider {
  const http = new ProviderHttp('oauth2-google', {
    timeoutMs: deps.oauth2.timeoutMs,
    log: deps.log,
  });
  const issuer = new OidcIssuer(
    deps.oauth2.googleIssuer,
    http,
    deps.now,
    issuerAliases(deps.oauth2.googleIssuer),
  );
  const redirectFlow: OAuth2RedirectFlow = {
    authorizationUrl({ provider }, req) {
      const s = oauth2Settings(provider);
      const params = codeFlowParams(s.clientId, req, scopes(s));
      // With one allowed domain, Google's account chooser shows only that domain's accounts.
      const [only] = s.domainRestrictions;
      if (only !== undefined && s.domainRestrictions.length === 1) params.hd = only;
      return issuer.authorizationUrl(params);
    },
    async exchangeCode(target, req) {
      const s = oauth2Settings(target.provider);
      const source = s.openId ? 'id_token' : 'userinfo';
      const profile = await exchangeForProfile(
        issuer,
        deps.resolveSecret,
        target,
        s,
        POLICY,
        source,
        req,
      );
      return oidcIdentity(s, profile, POLICY);
    },
  };
  return {
    redirectFlow,
    async authenticate({ app, provider, payload }) {
      const s = oauth2Settings(provider);
      const { id_token: idToken, authCode } = payload;
      if (typeof idToken === 'string') {
        if (!s.openId) {
          throw new UnauthorizedError(
            'id_token logins need OpenID Connect: enable config.openId of the oauth2-google provider',
            'AuthError',
          );
        }
        const claims = await issuer.verifyIdToken(idToken, {
          clientId: s.clientId,
          nonce: payloadNonce(payload),
        });
        return oidcIdentity(s, claims, POLICY);
      }
      if (typeof authCode === 'string' && authCode !== '') {
        const source = s.openId ? 'id_token' : 'userinfo';
        const profile = await exchangeForProfile(
          issuer,
          deps.resolveSecret,
          { app, provider },
          s,
          POLICY,
          source,
          { code: authCode },
        );
        return oidcIdentity(s, profile, POLICY);
      }
      throw unauthorized();
    },
  };
}

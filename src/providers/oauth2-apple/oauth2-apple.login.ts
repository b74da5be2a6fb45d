import type { LoginProvider, LoginProviderDeps } from '../login-provider';
import type { OAuth2RedirectFlow } from '../oauth2/oauth2-flow';
import { field } from '../oauth2/oauth2-metadata';
import { oauth2Settings, type OAuth2Settings } from '../oauth2/oauth2-settings';
import { OidcIssuer } from '../oauth2/oidc-issuer';
import {
  codeFlowParams,
  exchangeForProfile,
  oidcIdentity,
  payloadNonce,
  type OidcProfilePolicy,
} from '../oauth2/oidc-login';
import { ProviderHttp, unauthorized } from '../oauth2/provider-http';

/**
 * Apple's ID token carries the email (when the user shared it, possibly a private relay
 * address) and never the name: Apple gives the name once, to the app, outside the token.
 */
const POLICY: OidcProfilePolicy = { metadata: { email: field('email') } };

function scopes(s: OAuth2Settings): string[] {
  return s.metadataFields.some((f) => f.name === 'email') ? ['openid', 'email'] : ['openid'];
}

/**
 * oauth2-apple (Sign in with Apple). Body `{id_token}`: verified against Apple's keys (from its
 * OpenID discovery) with `iss` Apple's issuer and `aud` the client id (the Services ID or bundle
 * ID), unexpired; `nonce` checked when the body gives one. The client secret (the signed JWT Apple
 * asks for, kept as a secret) is only needed by the browser redirect flow's code exchange.
 */
export function appleProvider(deps: LoginProviderDeps): LoginProvider {
  const http = new ProviderHttp('oauth2-apple', {
    timeoutMs: deps.oauth2.timeoutMs,
    log: deps.log,
  });
  const issuer = new OidcIssuer(deps.oauth2.appleIssuer, http, deps.now);
  const redirectFlow: OAuth2RedirectFlow = {
    authorizationUrl({ provider }, req) {
      const s = oauth2Settings(provider);
      const wanted = scopes(s);
      const params = codeFlowParams(s.clientId, req, wanted);
      // Apple answers with a form POST whenever a scope (email, name) is asked.
      if (wanted.length > 1) params.response_mode = 'form_post';
      return issuer.authorizationUrl(params);
    },
    async exchangeCode(target, req) {
      const s = oauth2Settings(target.provider);
      const profile = await exchangeForProfile(
        issuer,
        deps.resolveSecret,
        target,
        s,
        POLICY,
        'id_token',
        req,
      );
      return oidcIdentity(s, profile, POLICY);
    },
  };
  return {
    redirectFlow,
    async authenticate({ provider, payload }) {
      const s = oauth2Settings(provider);
      const idToken = payload.id_token;
      if (typeof idToken !== 'string') throw unauthorized();
      const claims = await issuer.verifyIdToken(idToken, {
        clientId: s.clientId,
        nonce: payloadNonce(payload),
      });
      return oidcIdentity(s, claims, POLICY);
    },
  };
}

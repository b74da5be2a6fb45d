import { authProvidersSuite, post } from './helpers/auth-providers-suite';
import {
  accepts,
  appId,
  providerValidationApp,
  refuses,
} from './helpers/auth-providers-validation';

// Provider definitions for external identity providers: custom-token (JWTs) and OAuth 2.0
// (test/auth-providers-validation-local.test.ts: the other types).

authProvidersSuite();

describe('validation by provider type', () => {
  providerValidationApp();

  describe('custom-token', () => {
    const ct = { name: 'custom-token', type: 'custom-token' };
    const hs = { config: { signingAlgorithm: 'HS256' }, secret_config: { signingKeys: ['sk1'] } };

    it('accepts audience as a string or an array, stored as given', async () => {
      await accepts({ ...ct, ...hs, config: { ...hs.config, audience: 'my-app' } });
      await accepts({
        ...ct,
        ...hs,
        config: { ...hs.config, audience: ['a', 'b'], requireAnyAudience: true },
      });
      await refuses(
        { ...ct, ...hs, config: { audience: 42 } },
        'config.audience must be a string or an array of strings',
      );
    });

    it('checks the algorithm, the JWK URI and the boolean settings', async () => {
      await accepts({
        ...ct,
        config: { audience: [], jwkURI: 'https://idp.example.com/v1/keys', useJWKURI: true },
        secret_config: { signingKeys: [] },
        metadata_fields: [],
      });
      await refuses(
        { ...ct, ...hs, config: { signingAlgorithm: 'HS512' } },
        'config.signingAlgorithm must be one of HS256, RS256',
      );
      await refuses(
        { ...ct, config: { useJWKURI: true } },
        'config.jwkURI must be an http(s) URL when config.useJWKURI is true',
      );
      await refuses(
        { ...ct, config: { useJWKURI: true, jwkURI: 'ftp://idp.example.com/keys' } },
        'config.jwkURI must be an http(s) URL',
      );
      await refuses(
        {
          ...ct,
          config: {
            useJWKURI: true,
            jwkURI: 'https://idp.example.com/keys',
            signingAlgorithm: 'HS256',
          },
        },
        'must use RS256',
      );
      await refuses(
        { ...ct, ...hs, config: { requireAnyAudience: 'false' } },
        'config.requireAnyAudience must be a boolean',
      );
      await refuses(
        { ...ct, ...hs, config: { useJWKURI: 'yes' } },
        'config.useJWKURI must be a boolean',
      );
      await refuses(
        { ...ct, ...hs, config: { issuer: 'me' } },
        'unknown config key(s) for custom-token: issuer',
      );
    });

    it('needs 1 to 3 signing key secret names unless it uses a JWK URI', async () => {
      await accepts({ ...ct, ...hs, secret_config: { signingKeys: ['sk1', 'sk2', 'sk3'] } });
      await refuses(
        { ...ct, config: { signingAlgorithm: 'HS256' } },
        'secret_config.signingKeys must name 1 to 3 secrets',
      );
      await refuses(
        { ...ct, ...hs, secret_config: { signingKeys: [] } },
        'secret_config.signingKeys must name 1 to 3 secrets',
      );
      await refuses(
        { ...ct, ...hs, secret_config: { signingKeys: ['sk1', 'sk2', 'sk3', 'sk4'] } },
        'at most 3 secrets',
      );
      await refuses(
        { ...ct, ...hs, secret_config: { signingKeys: 'sk1' } },
        'must be an array of secret names',
      );
      await refuses(
        { ...ct, ...hs, secret_config: { signingKeys: ['sk1', 'sk1'] } },
        'names a secret twice',
      );
      await refuses(
        { ...ct, ...hs, secret_config: { signingKeys: ['nosuch'] } },
        'secret not found: "nosuch"',
        'SecretNotFound',
      );
      await refuses(
        { ...ct, ...hs, secret_config: { signingKeys: ['shortKey'] } },
        'secret "shortKey" (signingKeys) must hold 32 to 512 characters',
      );
    });

    it('checks metadata fields: JWT path, field_name, required, unique field names', async () => {
      const field = { required: false, name: 'user.name', field_name: 'name' };
      await accepts({
        ...ct,
        ...hs,
        metadata_fields: [field, { required: true, name: 'claims.a\\.b.c', field_name: 'abc' }],
      });
      await refuses(
        { ...ct, ...hs, metadata_fields: [{ ...field, field_name: undefined }] },
        'metadata_fields[0].field_name is required',
      );
      await refuses(
        { ...ct, ...hs, metadata_fields: [{ ...field, field_name: '' }] },
        'metadata_fields[0].field_name is required',
      );
      await refuses(
        { ...ct, ...hs, metadata_fields: [{ name: 'user.name', field_name: 'name' }] },
        'metadata_fields[0].required is required',
      );
      await refuses(
        { ...ct, ...hs, metadata_fields: [{ ...field, name: '' }] },
        'metadata_fields[0].name must be a JWT field path',
      );
      await refuses(
        { ...ct, ...hs, metadata_fields: [{ ...field, name: 'user..name' }] },
        'metadata_fields[0].name must be a JWT field path',
      );
      await refuses(
        { ...ct, ...hs, metadata_fields: [{ ...field, name: 'user.' }] },
        'metadata_fields[0].name must be a JWT field path',
      );
      await refuses(
        { ...ct, ...hs, metadata_fields: [field, { ...field, name: 'other' }] },
        'metadata field_name "name" is used twice',
      );
    });
  });

  describe('OAuth 2.0 (Google, Facebook, Apple)', () => {
    const google = { name: 'oauth2-google', type: 'oauth2-google', config: { clientId: 'cid' } };
    const facebook = {
      name: 'oauth2-facebook',
      type: 'oauth2-facebook',
      config: { clientId: 'cid' },
    };
    const apple = { name: 'oauth2-apple', type: 'oauth2-apple', config: { clientId: 'cid' } };

    it('accepts the full definition, with secrets by name', async () => {
      await accepts({
        ...google,
        config: { clientId: 'cid', openId: true },
        secret_config: { clientSecret: 'oauthSecret' },
        redirect_uris: ['https://example.com/', 'myapp://auth/callback'],
        domain_restrictions: ['example.com', 'mail.example.org'],
        metadata_fields: [{ name: 'email', required: true }, { name: 'picture' }],
      });
      await accepts({
        ...apple,
        secret_config: { clientSecret: 'oauthSecret' },
        redirect_uris: ['https://example.com/'],
      });
    });

    it('accepts exactly the nine profile fields and names any other', async () => {
      const res = await post(appId, {
        ...facebook,
        metadata_fields: [
          { name: 'email', required: true },
          { name: 'favorite_color', required: false },
        ],
      }).expect(400);
      expect(res.body.error).toContain('unsupported metadata field "favorite_color"');
      await refuses(
        { ...google, metadata_fields: [{ name: 'email', required: true, field_name: 'mail' }] },
        'field_name is only for custom-token',
      );
      await refuses(
        { ...google, metadata_fields: [{ name: 'email' }, { name: 'email' }] },
        'metadata field "email" is listed twice',
      );
    });

    it('requires clientId when enabled, not when disabled', async () => {
      await refuses(
        { ...facebook, config: {} },
        'config.clientId is required for an enabled provider',
      );
      await accepts({ name: 'oauth2-facebook', type: 'oauth2-facebook', disabled: true });
    });

    it('checks redirect URIs, domains, and which keys each type takes', async () => {
      await refuses(
        { ...google, redirect_uris: ['/relative/path'] },
        'redirect_uris: "/relative/path" is not an absolute URL',
      );
      await refuses(
        { ...google, domain_restrictions: ['not a domain'] },
        'domain_restrictions: "not a domain" is not a domain name',
      );
      await refuses(
        { ...apple, domain_restrictions: ['example.com'] },
        'oauth2-apple does not accept domain_restrictions',
      );
      await refuses(
        { ...facebook, config: { clientId: 'cid', openId: true } },
        'unknown config key(s) for oauth2-facebook: openId',
      );
      await refuses(
        { ...google, config: { clientId: 'cid', openId: 'yes' } },
        'config.openId must be a boolean',
      );
      await refuses(
        { ...google, secret_config: { clientSecret: ['a'] } },
        'secret_config.clientSecret must be the name of a secret',
      );
      await refuses(
        { ...google, secret_config: { clientSecret: 'missingSecret' } },
        'secret not found: "missingSecret"',
        'SecretNotFound',
      );
    });
  });
});

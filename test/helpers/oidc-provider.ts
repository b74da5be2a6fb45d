import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';

// A real OpenID provider (panva/oidc-provider) on a random loopback port, standing in for Google
// or Apple: discovery, JWKS (its own keys), authorization code with PKCE, ID tokens, userinfo.
// Accounts are the test's: logging in as an account id gives that account's claims.

export const CLIENT_REDIRECT = 'https://client.example.com/callback';

export interface TestClient {
  client_id: string;
  client_secret: string;
  redirect_uris?: string[];
}

export interface TestOidcProvider {
  readonly issuer: string;
  /** Claims by account id (`sub` is the id); change them between logins at will. */
  readonly accounts: Map<string, Record<string, unknown>>;
  /**
   * Drives the authorization endpoint as a browser does (login as `account`, consent) and
   * returns the parameters the provider sent back to the client's redirect URI.
   */
  authorize(url: URL, account: string, redirectUri?: string): Promise<URLSearchParams>;
  /** A client's own code flow (what an app's Google Sign-In does): the code. */
  code(client: TestClient, account: string, opts?: CodeOptions): Promise<string>;
  /** The tokens of a client's own code flow, ID token included. */
  tokens(client: TestClient, account: string, opts?: CodeOptions): Promise<ProviderTokens>;
  close(): Promise<void>;
}

export interface CodeOptions {
  nonce?: string;
  scope?: string;
  /** PKCE: the verifier whose S256 challenge is sent (and which the exchange then needs). */
  codeVerifier?: string;
}

export interface ProviderTokens {
  id_token: string;
  access_token: string;
}

export const pkceChallenge = (verifier: string) =>
  createHash('sha256').update(verifier).digest('base64url');

/** Starts the provider; `idTokenTtl` (seconds) lets tests expire its ID tokens. */
export async function startOidcProvider(
  clients: TestClient[],
  { idTokenTtl = 3600 }: { idTokenTtl?: number } = {},
): Promise<TestOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomBytes(6).toString('hex') };
  const accounts = new Map<string, Record<string, unknown>>();
  // Its notices (development settings; Node 20, which it runs on although it asks for 22) are
  // expected here: loaded and built with them silenced.
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  const provider = await (async () => {
    try {
      const { default: Provider } = await import('oidc-provider');
      return new Provider(issuer, {
        clients: clients.map((c) => ({
          redirect_uris: [CLIENT_REDIRECT],
          ...c,
          token_endpoint_auth_method: 'client_secret_post',
          grant_types: ['authorization_code'],
          response_types: ['code'],
        })),
        jwks: { keys: [{ ...jwk, alg: 'RS256', use: 'sig' }] },
        cookies: { keys: [randomBytes(16).toString('hex')] },
        // Like Google's: the ID token of a code flow carries the profile claims too.
        conformIdTokenClaims: false,
        claims: {
          openid: ['sub', 'hd'],
          email: ['email', 'email_verified'],
          profile: ['name', 'given_name', 'family_name', 'picture'],
        },
        findAccount: (_ctx, id) => ({
          accountId: id,
          claims: () => ({ ...accounts.get(id), sub: id }),
        }),
        ttl: {
          IdToken: idTokenTtl,
          AccessToken: 3600,
          AuthorizationCode: 60,
          Interaction: 600,
          Session: 3600,
          Grant: 3600,
        },
        pkce: { required: () => false },
      });
    } finally {
      warn.mockRestore();
      info.mockRestore();
    }
  })();
  server.on('request', provider.callback());

  const authorize = async (start: URL, account: string, redirectUri = CLIENT_REDIRECT) => {
    const jar = new Map<string, string>();
    let url = start;
    let body: string | undefined;
    for (let step = 0; step < 20; step++) {
      const res = await fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        redirect: 'manual',
        headers: {
          cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
        },
        ...(body === undefined ? {} : { body }),
      });
      for (const cookie of res.headers.getSetCookie()) {
        const pair = cookie.split(';')[0] ?? '';
        const at = pair.indexOf('=');
        const value = pair.slice(at + 1);
        if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) jar.delete(pair.slice(0, at));
        else jar.set(pair.slice(0, at), value);
      }
      if (res.status >= 300 && res.status < 400) {
        const next = new URL(res.headers.get('location') ?? '', url);
        if (next.href.startsWith(redirectUri)) return next.searchParams;
        url = next;
        body = undefined;
        continue;
      }
      const html = await res.text();
      if (res.status !== 200) throw new Error(`provider answered ${res.status}: ${html}`);
      if (html.includes(`action="${redirectUri}"`)) {
        // response_mode=form_post: the page posts the answer to the redirect URI.
        const params = new URLSearchParams();
        for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
          params.set(m[1] as string, (m[2] as string).replace(/&amp;/g, '&'));
        return params;
      }
      const uid = url.pathname.split('/').pop() ?? '';
      url = new URL(`/interaction/${uid}`, issuer);
      body = new URLSearchParams(
        html.includes('name="login"')
          ? { prompt: 'login', login: account, password: 'any' }
          : { prompt: 'consent' },
      ).toString();
    }
    throw new Error('the authorization did not end');
  };

  const code = async (client: TestClient, account: string, opts: CodeOptions = {}) => {
    const start = new URL(`${issuer}/auth`);
    const params: Record<string, string> = {
      client_id: client.client_id,
      redirect_uri: CLIENT_REDIRECT,
      response_type: 'code',
      scope: opts.scope ?? 'openid email profile',
      state: randomBytes(6).toString('hex'),
      ...(opts.nonce ? { nonce: opts.nonce } : {}),
      ...(opts.codeVerifier
        ? { code_challenge: pkceChallenge(opts.codeVerifier), code_challenge_method: 'S256' }
        : {}),
    };
    for (const [k, v] of Object.entries(params)) start.searchParams.set(k, v);
    const answer = await authorize(start, account);
    const got = answer.get('code');
    if (!got) throw new Error(`no code: ${answer.toString()}`);
    return got;
  };

  return {
    issuer,
    accounts,
    authorize,
    code,
    async tokens(client, account, opts = {}) {
      const res = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: await code(client, account, opts),
          redirect_uri: CLIENT_REDIRECT,
          client_id: client.client_id,
          client_secret: client.client_secret,
          ...(opts.codeVerifier ? { code_verifier: opts.codeVerifier } : {}),
        }).toString(),
      });
      const body = (await res.json()) as ProviderTokens;
      if (res.status !== 200) throw new Error(`token endpoint: ${JSON.stringify(body)}`);
      return body;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

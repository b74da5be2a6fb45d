import { createHash, createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A small server shaped like Facebook's Graph API (v-prefixed base path): debug_token (checked
// with the app token `<app id>|<app secret>`), /me (only with a correct appsecret_proof, fields as
// asked) and /oauth/access_token (codes of the login dialog, with PKCE).

export interface FacebookAppReg {
  id: string;
  secret: string;
}

export interface FacebookUser {
  id: string;
  name?: string;
  first_name?: string;
  last_name?: string;
  email?: string;
  gender?: string;
  birthday?: string;
  picture?: string;
  age_range?: { min?: number; max?: number };
}

export interface GraphApi {
  /** The base to configure as OAUTH2_FACEBOOK_GRAPH_URL. */
  readonly base: string;
  readonly users: Map<string, FacebookUser>;
  /** A user access token of `user` issued to `app` (valid unless `expired`). */
  token(app: FacebookAppReg, userId: string, expired?: boolean): string;
  /** A login dialog code for the token of `user` (the redirect flow's code). */
  code(app: FacebookAppReg, userId: string, redirectUri: string, codeChallenge: string): string;
  /** Every request received: path and query. */
  readonly requests: { path: string; query: URLSearchParams; authorization?: string }[];
  close(): Promise<void>;
}

const sha256b64url = (s: string) => createHash('sha256').update(s).digest('base64url');

export async function startGraphApi(apps: FacebookAppReg[]): Promise<GraphApi> {
  const users = new Map<string, FacebookUser>();
  const tokens = new Map<string, { app: FacebookAppReg; userId: string; valid: boolean }>();
  const codes = new Map<
    string,
    { app: FacebookAppReg; userId: string; redirectUri: string; challenge: string }
  >();
  const requests: GraphApi['requests'] = [];
  const appToken = (value: string | null) => apps.find((a) => `${a.id}|${a.secret}` === value);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://graph.local');
    const q = url.searchParams;
    requests.push({
      path: url.pathname,
      query: q,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const oauthError = (message: string) =>
      send(400, { error: { message, type: 'OAuthException', code: 190 } });

    if (url.pathname === '/v1/debug_token') {
      if (!appToken(q.get('access_token'))) return oauthError('Invalid app access token');
      const t = tokens.get(q.get('input_token') ?? '');
      if (!t) return send(200, { data: { is_valid: false, error: { code: 190 } } });
      return send(200, {
        data: {
          app_id: t.app.id,
          type: 'USER',
          application: 'Test app',
          expires_at: Math.floor(Date.now() / 1000) + (t.valid ? 3600 : -3600),
          is_valid: t.valid,
          scopes: ['public_profile', 'email'],
          user_id: t.userId,
        },
      });
    }
    if (url.pathname === '/v1/me') {
      const token =
        (req.headers.authorization ?? '').replace(/^Bearer /, '') || q.get('access_token');
      const t = tokens.get(token ?? '');
      if (!t || !t.valid) return oauthError('Invalid OAuth access token');
      const proof = createHmac('sha256', t.app.secret)
        .update(token ?? '')
        .digest('hex');
      if (q.get('appsecret_proof') !== proof) return oauthError('Invalid appsecret_proof');
      const user = users.get(t.userId) ?? { id: t.userId };
      const out: Record<string, unknown> = {};
      for (const f of (q.get('fields') ?? 'id,name').split(',')) {
        const value = user[f as keyof FacebookUser];
        if (value === undefined) continue;
        out[f] = f === 'picture' ? { data: { url: value, is_silhouette: false } } : value;
      }
      return send(200, out);
    }
    if (url.pathname === '/v1/oauth/access_token') {
      const c = codes.get(q.get('code') ?? '');
      codes.delete(q.get('code') ?? '');
      if (
        !c ||
        q.get('client_id') !== c.app.id ||
        q.get('client_secret') !== c.app.secret ||
        q.get('redirect_uri') !== c.redirectUri ||
        sha256b64url(q.get('code_verifier') ?? '') !== c.challenge
      )
        return oauthError('Invalid verification code format.');
      const token = `EAA${randomBytes(12).toString('hex')}`;
      tokens.set(token, { app: c.app, userId: c.userId, valid: true });
      return send(200, { access_token: token, token_type: 'bearer', expires_in: 5000 });
    }
    send(404, { error: { message: 'Unknown path', type: 'GraphMethodException', code: 100 } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return {
    base,
    users,
    requests,
    token(app, userId, expired = false) {
      const token = `EAA${randomBytes(12).toString('hex')}`;
      tokens.set(token, { app, userId, valid: !expired });
      return token;
    },
    code(app, userId, redirectUri, challenge) {
      const code = randomBytes(12).toString('hex');
      codes.set(code, { app, userId, redirectUri, challenge });
      return code;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import { createHash, randomBytes } from 'node:crypto';
import type supertest from 'supertest';
import type { TestServer } from './test-server';

/**
 * The client side of HTTP Digest exactly as github.com/edaniels/digest (the App Services CLI's
 * client, realm-cli 2.x) does it, written here from its source: its challenge parser, HA1/HA2,
 * the response with qop=auth, and the Authorization header it writes. Nothing of the server's
 * Digest code is used.
 */
export interface GoChallenge {
  realm: string;
  domain: string;
  nonce: string;
  opaque: string;
  stale: string;
  algorithm: string;
  qop: string;
}

/** Go's parseChallenge: "Digest " prefix, split on ", ", seven known names, quotes trimmed. */
export function parseChallengeLikeGo(input: string | undefined): GoChallenge {
  const s = (input ?? '').replace(/^[ \n\r\t]+|[ \n\r\t]+$/g, '');
  if (!s.startsWith('Digest ')) throw new Error(`ErrBadChallenge: ${input}`);
  const c: GoChallenge = {
    realm: '',
    domain: '',
    nonce: '',
    opaque: '',
    stale: '',
    algorithm: 'MD5',
    qop: '',
  };
  for (const part of s
    .slice(7)
    .replace(/^[ \n\r\t]+|[ \n\r\t]+$/g, '')
    .split(', ')) {
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = (eq < 0 ? '' : part.slice(eq + 1)).replace(/^"+|"+$/g, '');
    if (!(name in c)) throw new Error(`ErrBadChallenge: unknown "${name}" in ${input}`);
    c[name as keyof GoChallenge] = value;
  }
  return c;
}

const md5 = (s: string): string => createHash('md5').update(s).digest('hex');

export interface GoCredentials {
  username: string;
  password: string;
  method: string;
  /** req.URL.RequestURI(): the path and query of the request. */
  uri: string;
}

/** Go's credentials.authorize(): the Authorization header for the challenge (nc=1). */
export function goAuthorization(challenge: GoChallenge, creds: GoCredentials): string {
  if (challenge.algorithm !== 'MD5') throw new Error('ErrAlgNotImplemented');
  if (challenge.qop !== 'auth' && challenge.qop !== '') throw new Error('ErrAlgNotImplemented');
  const ha1 = md5(`${creds.username}:${challenge.realm}:${creds.password}`);
  const ha2 = md5(`${creds.method}:${creds.uri}`);
  const nc = (1).toString(16).padStart(8, '0');
  const cnonce = randomBytes(8).toString('hex').slice(0, 16);
  const response =
    challenge.qop === 'auth'
      ? md5(`${ha1}:${challenge.nonce}:${nc}:${cnonce}:${challenge.qop}:${ha2}`)
      : md5(`${ha1}:${challenge.nonce}:${ha2}`);
  const parts = [
    `username="${creds.username}"`,
    `realm="${challenge.realm}"`,
    `nonce="${challenge.nonce}"`,
    `uri="${creds.uri}"`,
    `response="${response}"`,
  ];
  parts.push(`algorithm="${challenge.algorithm}"`); // always set: only MD5 gets this far
  if (challenge.opaque !== '') parts.push(`opaque="${challenge.opaque}"`);
  if (challenge.qop !== '') parts.push(`qop=${challenge.qop}`, `nc=${nc}`, `cnonce="${cnonce}"`);
  return `Digest ${parts.join(', ')}`;
}

export interface KeyPair {
  publicKey: string;
  privateKey: string;
}

/** A fresh challenge from the server: an unauthenticated GET of `path`, which must be a 401. */
export async function challengeFor(srv: TestServer, path: string): Promise<GoChallenge> {
  const res = await srv.api.get(path).expect(401);
  return parseChallengeLikeGo(res.headers['www-authenticate']);
}

/**
 * What the Go transport does for one request: send it without credentials, read the 401's
 * challenge, and send it again with the Digest response. Returns the second response, whose
 * status must be `status`.
 */
export async function digestGet(
  srv: TestServer,
  path: string,
  key: KeyPair,
  status: number,
  over: { password?: string; ip?: string } = {},
): Promise<supertest.Response> {
  const challenge = await challengeFor(srv, path);
  let req = srv.api.get(path).set(
    'Authorization',
    goAuthorization(challenge, {
      username: key.publicKey,
      password: over.password ?? key.privateKey,
      method: 'GET',
      uri: path,
    }),
  );
  if (over.ip) req = req.set('X-Forwarded-For', over.ip);
  const res = await req;
  if (res.status !== status)
    throw new Error(`GET ${path} → ${res.status}, expected ${status}: ${res.text.slice(0, 300)}`);
  return res;
}

/** Atlas' error body (what the CLI decodes from a 401), checked field by field. */
export function expectAtlasError(
  res: { status: number; body: unknown },
  status: number,
  errorCode: string,
): void {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({
    detail: expect.any(String),
    error: status,
    errorCode,
    reason: expect.any(String),
  });
}

import { createHash } from 'node:crypto';
import { constantTimeEqualHex } from './hashing';

/**
 * HTTP Digest access authentication (RFC 7616), the server side of what MongoDB Atlas' public API
 * speaks and the App Services CLI's Go client (github.com/edaniels/digest) sends: algorithm MD5
 * with `qop=auth` only. That client splits the challenge on ", " and refuses any parameter other
 * than realm, domain, nonce, opaque, stale, algorithm and qop, and only knows "MD5" spelled so;
 * the challenge below is written for it.
 */

/** What an `Authorization: Digest …` header carries (parameter names in lower case). */
export interface DigestCredentials {
  readonly username: string;
  readonly realm: string;
  readonly nonce: string;
  readonly uri: string;
  readonly response: string;
  readonly algorithm: string;
  readonly qop: string;
  readonly nc: string;
  readonly cnonce: string;
}

/** Longer headers are refused unread (a real one is about 300 characters). */
const MAX_HEADER_LENGTH = 4096;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const NONCE_COUNT = /^[0-9a-fA-F]{8}$/;
const REQUIRED = ['username', 'realm', 'nonce', 'uri', 'response'] as const;

function md5Hex(value: string): string {
  return createHash('md5').update(value, 'utf8').digest('hex');
}

/** HA1 = MD5(username:realm:password), the password-equivalent a server must keep. */
export function digestHa1(username: string, realm: string, password: string): string {
  return md5Hex(`${username}:${realm}:${password}`);
}

/** The `response` a client that knows HA1 sends for this request, with `qop=auth`. */
export function digestResponse(
  ha1: string,
  request: { method: string; uri: string },
  creds: Pick<DigestCredentials, 'nonce' | 'nc' | 'cnonce' | 'qop'>,
): string {
  const ha2 = md5Hex(`${request.method}:${request.uri}`);
  return md5Hex(`${ha1}:${creds.nonce}:${creds.nc}:${creds.cnonce}:${creds.qop}:${ha2}`);
}

/** Whether `creds.response` is right for HA1 and the request; in constant time. */
export function isDigestResponseValid(
  ha1: string,
  request: { method: string; uri: string },
  creds: DigestCredentials,
): boolean {
  return constantTimeEqualHex(digestResponse(ha1, request, creds), creds.response.toLowerCase());
}

/**
 * The `WWW-Authenticate` value of a challenge. `stale` says the credentials were right but the
 * nonce expired, so a client may retry without asking for the password again.
 */
export function formatDigestChallenge(realm: string, nonce: string, stale = false): string {
  for (const value of [realm, nonce]) {
    if (/["\\]|, /.test(value)) throw new Error(`unsafe digest challenge value: ${value}`);
  }
  return `Digest realm="${realm}", nonce="${nonce}", qop="auth", algorithm=MD5${stale ? ', stale=true' : ''}`;
}

/**
 * Reads `Authorization: Digest k=v, k="v", …` (RFC 7235 auth-params: tokens or quoted strings
 * with backslash escapes, names case-insensitive). Returns undefined for another scheme, a
 * malformed or repeated parameter, a missing required one, or anything but MD5 with qop=auth
 * (and its `nc` and `cnonce`). Unknown parameters are ignored, as the RFC asks.
 */
export function parseDigestAuthorization(header: string): DigestCredentials | undefined {
  if (header.length > MAX_HEADER_LENGTH) return undefined;
  const scheme = /^Digest[ \t]+/i.exec(header);
  if (!scheme) return undefined;
  const params = parseAuthParams(header.slice(scheme[0].length));
  if (!params) return undefined;
  for (const name of REQUIRED) if (!params.get(name)) return undefined;
  const algorithm = params.get('algorithm') ?? 'MD5';
  if (algorithm.toUpperCase() !== 'MD5') return undefined;
  const qop = params.get('qop');
  const nc = params.get('nc');
  const cnonce = params.get('cnonce');
  if (qop !== 'auth' || !nc || !NONCE_COUNT.test(nc) || !cnonce) return undefined;
  return {
    username: params.get('username') as string,
    realm: params.get('realm') as string,
    nonce: params.get('nonce') as string,
    uri: params.get('uri') as string,
    response: params.get('response') as string,
    algorithm,
    qop,
    nc,
    cnonce,
  };
}

/** `name=value` pairs separated by commas and optional whitespace; undefined when malformed. */
function parseAuthParams(input: string): Map<string, string> | undefined {
  const params = new Map<string, string>();
  let i = 0;
  const skipSpace = () => {
    while (input[i] === ' ' || input[i] === '\t') i++;
  };
  const readToken = (): string => {
    const start = i;
    while (i < input.length && TOKEN.test(input[i] as string)) i++;
    return input.slice(start, i);
  };
  for (;;) {
    // Empty list elements (", ,", a trailing comma) are ignored, as RFC 7230 §7 asks.
    while (input[i] === ' ' || input[i] === '\t' || input[i] === ',') i++;
    if (i >= input.length) return params;
    const name = readToken().toLowerCase();
    if (!name) return undefined;
    skipSpace();
    if (input[i++] !== '=') return undefined;
    skipSpace();
    let value: string;
    if (input[i] === '"') {
      const quoted = readQuoted(input, i);
      if (!quoted) return undefined;
      [value, i] = quoted;
    } else {
      value = readToken();
      if (!value) return undefined;
    }
    if (params.has(name)) return undefined;
    params.set(name, value);
    skipSpace();
    if (i >= input.length) return params;
    if (input[i++] !== ',') return undefined;
  }
}

/** The quoted string starting at `start` (a `"`): its unescaped value and the index after it. */
function readQuoted(input: string, start: number): [string, number] | undefined {
  let value = '';
  for (let i = start + 1; i < input.length; i++) {
    const c = input[i] as string;
    if (c === '"') return [value, i + 1];
    if (c === '\\') {
      i++;
      if (i >= input.length) return undefined;
      value += input[i];
    } else {
      value += c;
    }
  }
  return undefined;
}

import fc from 'fast-check';
import {
  digestHa1,
  digestResponse,
  formatDigestChallenge,
  isDigestResponseValid,
  parseDigestAuthorization,
  type DigestCredentials,
} from './http-digest';

/** The header github.com/edaniels/digest (the App Services CLI's client) writes, field by field. */
function goClientHeader(c: Omit<DigestCredentials, 'algorithm'>): string {
  return (
    `Digest username="${c.username}", realm="${c.realm}", nonce="${c.nonce}", uri="${c.uri}", ` +
    `response="${c.response}", algorithm="MD5", qop=${c.qop}, nc=${c.nc}, cnonce="${c.cnonce}"`
  );
}

/** The challenge parser of that client: split on ", ", only seven names known, quotes trimmed. */
function goParseChallenge(input: string): Record<string, string> {
  const s = input.trim();
  if (!s.startsWith('Digest ')) throw new Error('bad challenge');
  const out: Record<string, string> = { algorithm: 'MD5' };
  for (const part of s.slice(7).trim().split(', ')) {
    const [name = '', value = ''] = part.split(/=(.*)/s);
    if (!['realm', 'domain', 'nonce', 'opaque', 'stale', 'algorithm', 'qop'].includes(name))
      throw new Error(`bad challenge: ${name}`);
    out[name] = value.replace(/^"+|"+$/g, '');
  }
  return out;
}

describe('digest computations', () => {
  it('matches RFC 2617 §3.5 (MD5, qop=auth)', () => {
    const ha1 = digestHa1('Mufasa', 'testrealm@host.com', 'Circle Of Life');
    const response = digestResponse(
      ha1,
      { method: 'GET', uri: '/dir/index.html' },
      {
        nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
        nc: '00000001',
        cnonce: '0a4f113b',
        qop: 'auth',
      },
    );
    expect(response).toBe('6629fae49393a05397450978507c4ef1');
  });

  it('matches RFC 7616 §3.9.1 (MD5)', () => {
    const ha1 = digestHa1('Mufasa', 'http-auth@example.org', 'Circle of Life');
    const response = digestResponse(
      ha1,
      { method: 'GET', uri: '/dir/index.html' },
      {
        nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
        nc: '00000001',
        cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
        qop: 'auth',
      },
    );
    expect(response).toBe('8ca523f5e9506fed4657c9700eebdbec');
  });

  it('checks a response against HA1, the method and the URI, in any hex case', () => {
    const ha1 = digestHa1('user', 'realm', 'pw');
    const req = { method: 'GET', uri: '/a?b=1' };
    const base = { nonce: 'n', nc: '00000001', cnonce: 'c', qop: 'auth' };
    const response = digestResponse(ha1, req, base);
    const creds = { ...base, username: 'user', realm: 'realm', uri: req.uri, algorithm: 'MD5' };
    expect(isDigestResponseValid(ha1, req, { ...creds, response })).toBe(true);
    expect(isDigestResponseValid(ha1, req, { ...creds, response: response.toUpperCase() })).toBe(
      true,
    );
    expect(isDigestResponseValid(ha1, { ...req, method: 'POST' }, { ...creds, response })).toBe(
      false,
    );
    expect(isDigestResponseValid(ha1, { ...req, uri: '/a' }, { ...creds, response })).toBe(false);
    expect(
      isDigestResponseValid(digestHa1('user', 'realm', 'px'), req, { ...creds, response }),
    ).toBe(false);
    for (const bad of ['', 'zz', response.slice(0, 31), `${response}00`])
      expect(isDigestResponseValid(ha1, req, { ...creds, response: bad })).toBe(false);
  });
});

describe('formatDigestChallenge', () => {
  it('is what the Go client parses: realm, nonce, qop and algorithm=MD5', () => {
    const challenge = formatDigestChallenge('MMS Public API', 'abc_DEF-123');
    expect(challenge).toBe(
      'Digest realm="MMS Public API", nonce="abc_DEF-123", qop="auth", algorithm=MD5',
    );
    expect(goParseChallenge(challenge)).toEqual({
      realm: 'MMS Public API',
      nonce: 'abc_DEF-123',
      qop: 'auth',
      algorithm: 'MD5',
    });
  });

  it('adds stale=true for an expired nonce', () => {
    const challenge = formatDigestChallenge('r', 'n', true);
    expect(challenge).toMatch(/, stale=true$/);
    expect(goParseChallenge(challenge).stale).toBe('true');
  });

  it('refuses values the Go client would split or a quoted string would need escaped', () => {
    for (const bad of ['a, b', 'a"b', 'a\\b'])
      expect(() => formatDigestChallenge('realm', bad)).toThrow('unsafe');
  });
});

describe('parseDigestAuthorization', () => {
  const creds = {
    username: 'qkzjtwbe',
    realm: 'MMS Public API',
    nonce: 'AAABjK7dLQA-hrwUR0fRi1dxB2bLDq8vW9ngkH_V4hY',
    uri: '/api/public/v1.0/groups?pageNum=2&itemsPerPage=100',
    response: '6629fae49393a05397450978507c4ef1',
    qop: 'auth',
    nc: '00000001',
    cnonce: '0a4f113b2c3d4e5f',
  };

  it("reads the Go client's header", () => {
    expect(parseDigestAuthorization(goClientHeader(creds))).toEqual({ ...creds, algorithm: 'MD5' });
  });

  it('takes tokens or quoted strings in any order, names in any case, with loose whitespace', () => {
    const header =
      'digest  Realm="MMS Public API",username="qkzjtwbe" ,  nonce="AAABjK7dLQA-hrwUR0fRi1dxB2bLDq8vW9ngkH_V4hY",' +
      'uri="/api/public/v1.0/groups?pageNum=2&itemsPerPage=100",cnonce="0a4f113b2c3d4e5f", NC=00000001,' +
      'qop="auth",response="6629fae49393a05397450978507c4ef1", opaque="ignored", userhash=false';
    expect(parseDigestAuthorization(header)).toEqual({ ...creds, algorithm: 'MD5' });
  });

  it('ignores empty list elements', () => {
    const header = goClientHeader(creds).replace(', realm', ', , realm');
    expect(parseDigestAuthorization(`${header},`)).toEqual({ ...creds, algorithm: 'MD5' });
  });

  it('unescapes quoted pairs', () => {
    const parsed = parseDigestAuthorization(goClientHeader({ ...creds, username: 'a\\"b\\\\c' }));
    expect(parsed?.username).toBe('a"b\\c');
  });

  it.each([
    ['another scheme', `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['no parameters', 'Digest'],
    ['only the scheme and a space', 'Digest '],
    ['a missing username', goClientHeader(creds).replace('username="qkzjtwbe", ', '')],
    ['a missing response', goClientHeader(creds).replace(/response="[^"]*", /, '')],
    ['an empty nonce', goClientHeader({ ...creds, nonce: '' })],
    ['no qop (RFC 2069)', goClientHeader(creds).replace(/, qop=auth, nc=\w+, cnonce="\w+"/, '')],
    ['qop=auth-int', goClientHeader({ ...creds, qop: 'auth-int' })],
    ['a short nc', goClientHeader({ ...creds, nc: '1' })],
    ['an empty cnonce', goClientHeader({ ...creds, cnonce: '' })],
    ['SHA-256', goClientHeader(creds).replace('algorithm="MD5"', 'algorithm=SHA-256')],
    ['MD5-sess', goClientHeader(creds).replace('algorithm="MD5"', 'algorithm=MD5-sess')],
    ['a repeated parameter', `${goClientHeader(creds)}, username="other"`],
    ['an unterminated quote', goClientHeader(creds).slice(0, -1)],
    ['a trailing backslash', 'Digest username="abc\\'],
    ['a parameter without a value', `${goClientHeader(creds)}, stale=`],
    ['a missing comma', goClientHeader(creds).replace(', realm', ' realm')],
    ['a header of 5,000 characters', goClientHeader({ ...creds, cnonce: 'c'.repeat(5000) })],
  ])('refuses %s', (_name, header) => {
    expect(parseDigestAuthorization(header)).toBeUndefined();
  });

  it('reads back every header the Go client writes, and never throws on any input', () => {
    const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !/["\\]/.test(s));
    fc.assert(
      fc.property(
        fc.record({
          username: text,
          realm: text,
          nonce: text,
          uri: text,
          response: fc.stringMatching(/^[0-9a-f]{32}$/),
          qop: fc.constant('auth'),
          nc: fc.integer({ min: 1, max: 0xffffffff }).map((n) => n.toString(16).padStart(8, '0')),
          cnonce: text,
        }),
        (c) => {
          expect(parseDigestAuthorization(goClientHeader(c))).toEqual({ ...c, algorithm: 'MD5' });
        },
      ),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        parseDigestAuthorization(`Digest ${s}`);
        parseDigestAuthorization(s);
      }),
    );
  });
});

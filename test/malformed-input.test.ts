import fs from 'node:fs';
import net from 'node:net';
import YAML from 'yaml';
import { UnavailableError } from '../src/errors/app-error';
import { errorHandler } from '../src/http/error-handler';
import { SPEC_PATH } from '../src/http/spec';
import { smtpMailer } from '../src/client/userpass/mailer';
import type { Logger } from '../src/logging/logger';
import { anonLogin, clientApp, enableProvider, type LoginTokens } from './helpers/client';
import { appPath } from './helpers/config-resources';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';
import { addUserpassProvider, AUTO_CONFIRM, register } from './helpers/userpass';

// Malformed requests (issue 10): each answers a 4xx with the App Services error shape, never a
// 500, a hang or silently lost data.

const ADMIN_LOGIN = '/api/admin/v3.0/auth/providers/mongodb-cloud/login';

let srv: TestServer;
let admin: AdminSession;
let app: { _id: string; client_app_id: string };
let base: string;
let user: LoginTokens;

beforeAll(async () => {
  srv = await startTestServer();
  admin = await adminLogin(srv, { groupId: GROUP_A });
  app = await createApp(srv, admin);
  base = appPath(GROUP_A, app._id);
  await enableProvider(srv, admin, app._id, 'anon-user');
  user = await anonLogin(srv, app.client_app_id);
});
afterAll(() => srv.close());

function expectErrorShape(res: { status: number; body: unknown; headers: Record<string, string> }) {
  expect(res.headers['content-type']).toBe('application/json');
  expect(res.body).toEqual({ error: expect.any(String), error_code: expect.any(String) });
}

/** `[[[…0…]]]` or `{"a":{"a":…}}` nested `depth` levels. */
function nested(depth: number, kind: 'array' | 'object' = 'array'): unknown {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

describe('undecodable request bodies (item 3)', () => {
  for (const encoding of ['gzip', 'br', 'deflate']) {
    it(`a body that is not ${encoding} → 400, also on the unauthenticated admin login`, async () => {
      const res = await srv.api
        .post(ADMIN_LOGIN)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .send('{"username":"x","apiKey":"y"}')
        .expect(400);
      expectErrorShape(res);
      expect(res.body.error_code).toBe('BadRequest');
    });
  }

  it('an unknown content encoding → 415', async () => {
    const res = await srv.api
      .post(ADMIN_LOGIN)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'zstd-nope')
      .send('{"username":"x","apiKey":"y"}')
      .expect(415);
    expectErrorShape(res);
  });

  it('body-parser errors with a status but no known type keep their status', () => {
    const sent: { status?: number; body?: string } = {};
    const res = {
      headersSent: false,
      setHeader: () => undefined,
      status(s: number) {
        sent.status = s;
        return this;
      },
      type() {
        return this;
      },
      send(b: string) {
        sent.body = b;
        return this;
      },
      end(b: string) {
        sent.body = b;
        return this;
      },
      writeHead(s: number) {
        sent.status = s;
        return this;
      },
    };
    const log = { error: jest.fn(), warn: jest.fn() } as unknown as Logger;
    const handle = errorHandler(log);
    for (const [status, expected] of [
      [400, 400],
      [413, 413],
      [415, 415],
      [411, 411],
    ] as const) {
      const err = Object.assign(new Error('boom /internal/route'), { status, expose: true });
      handle(err, { method: 'POST', path: '/x' } as never, res as never, () => undefined);
      expect(sent.status).toBe(expected);
      const body = JSON.parse(sent.body ?? '{}') as { error: string; error_code: string };
      expect(body.error_code).toEqual(expect.any(String));
      expect(body.error).not.toContain('/internal/route');
    }
    expect(log.error).not.toHaveBeenCalled();
  });
});

describe('bracketed and huge query parameters (item 4)', () => {
  it('?product[x]=1 on the apps list → 400', async () => {
    const res = await srv.api
      .get(`/api/admin/v3.0/groups/${GROUP_A}/apps?product[x]=1`)
      .set('Authorization', admin.auth)
      .expect(400);
    expectErrorShape(res);
  });

  it('?provider_types[x]=1 on the users list → 400', async () => {
    const res = await srv.api
      .get(`${base}/users?provider_types[x]=1`)
      .set('Authorization', admin.auth)
      .expect(400);
    expectErrorShape(res);
  });

  it('?type[x]=1 on the logs → 400', async () => {
    const res = await srv.api
      .get(`${base}/logs?type[x]=1`)
      .set('Authorization', admin.auth)
      .expect(400);
    expectErrorShape(res);
  });

  it('skip and limit of 400 nines on the logs → 400', async () => {
    const nines = '9'.repeat(400);
    for (const q of [`skip=${nines}`, `limit=${nines}`, `skip=1e400`]) {
      const res = await srv.api
        .get(`${base}/logs?${q}`)
        .set('Authorization', admin.auth)
        .expect(400);
      expectErrorShape(res);
    }
  });

  it('plain query parameters still work', async () => {
    await srv.api
      .get(`${base}/logs?skip=0&limit=5&type=FUNCTION,AUTH`)
      .set('Authorization', admin.auth)
      .expect(200);
    await srv.api
      .get(`/api/admin/v3.0/groups/${GROUP_A}/apps?product=standard`)
      .set('Authorization', admin.auth)
      .expect(200);
  });
});

describe('deeply nested JSON (item 5)', () => {
  it('a config value nested 1,000 levels → 400 naming the limit', async () => {
    const res = await srv.api
      .post(`${base}/values`)
      .set('Authorization', admin.auth)
      .send({ name: 'deep', private: false, value: nested(1000, 'object') })
      .expect(400);
    expectErrorShape(res);
    expect(res.body.error).toContain('100 levels');
  });

  it('a config value nested 90 levels is stored and read back', async () => {
    const created = await srv.api
      .post(`${base}/values`)
      .set('Authorization', admin.auth)
      .send({ name: 'deepok', private: false, value: nested(90, 'object') })
      .expect(201);
    const got = await srv.api
      .get(`${base}/values/${(created.body as { _id: string })._id}`)
      .set('Authorization', admin.auth)
      .expect(200);
    expect((got.body as { value: unknown }).value).toEqual(nested(90, 'object'));
  });

  for (const depth of [1500, 2500]) {
    it(`client function arguments nested ${depth} levels → 400`, async () => {
      const res = await srv.api
        .post(`${clientApp(app.client_app_id)}/functions/call`)
        .set('Authorization', `Bearer ${user.access_token}`)
        .send({ name: 'f', arguments: [nested(depth)] })
        .expect(400);
      expectErrorShape(res);
      expect(res.body.error).toContain('100 levels');
    });

    it(`admin debug execute arguments nested ${depth} levels → 400`, async () => {
      const res = await srv.api
        .post(`${base}/debug/execute_function?run_as_system=true`)
        .set('Authorization', admin.auth)
        .send({ name: 'f', arguments: [nested(depth, 'object')] })
        .expect(400);
      expectErrorShape(res);
    });
  }

  it('a body nested 100,000 levels (unauthenticated login) → 400', async () => {
    const body = `{"username":${'['.repeat(100_000)}${']'.repeat(100_000)},"apiKey":"y"}`;
    const res = await srv.api
      .post(ADMIN_LOGIN)
      .set('Content-Type', 'application/json')
      .send(body)
      .expect(400);
    expectErrorShape(res);
  });
});

describe('authentication before validation (item 7)', () => {
  it('an unauthenticated create-app with an invalid body → 401, no schema details', async () => {
    const res = await srv.api.post(`/api/admin/v3.0/groups/${GROUP_A}/apps`).send({}).expect(401);
    expectErrorShape(res);
    expect(res.body.error_code).toBe('MissingAuthReq');
  });

  it('a bad token on an invalid body → 401 InvalidSession', async () => {
    const res = await srv.api
      .post(`/api/admin/v3.0/groups/${GROUP_A}/apps`)
      .set('Authorization', 'Bearer nope')
      .send({})
      .expect(401);
    expect(res.body.error_code).toBe('InvalidSession');
  });

  it('an unauthenticated body over the size limit → 401, not 413', async () => {
    const res = await srv.api
      .post(`/api/admin/v3.0/groups/${GROUP_A}/apps`)
      .set('Content-Type', 'application/json')
      .send(`{"name":"${'x'.repeat(srv.deps.config.maxBodyBytes + 10)}"}`)
      .expect(401);
    expectErrorShape(res);
  });

  it('unauthenticated operations are still validated', async () => {
    const res = await srv.api.post(ADMIN_LOGIN).send({}).expect(400);
    expect(res.body.error_code).toBe('MissingParameter');
  });

  it('an authenticated invalid body → 400 with the schema wording', async () => {
    const res = await srv.api
      .post(`/api/admin/v3.0/groups/${GROUP_A}/apps`)
      .set('Authorization', admin.auth)
      .send({})
      .expect(400);
    expect(res.body.error).toContain('name');
  });
});

describe('smaller items (item 12)', () => {
  it('(a) a token typed "access" with a bad signature on a refresh route → 401', async () => {
    const [h, p, s = ''] = user.access_token.split('.');
    const forged = `${h}.${p}.${s.startsWith('A') ? 'B' : 'A'}${s.slice(1)}`;
    const res = await srv.api
      .post('/api/client/v2.0/auth/api_keys')
      .set('Authorization', `Bearer ${forged}`)
      .send({ name: 'k' })
      .expect(401);
    expectErrorShape(res);
    // The genuine access token there is still the client's mistake: 403.
    await srv.api
      .post('/api/client/v2.0/auth/api_keys')
      .set('Authorization', `Bearer ${user.access_token}`)
      .send({ name: 'k' })
      .expect(403);
  });

  it('(b) a key named __proto__ is refused, not silently dropped', async () => {
    const res = await srv.api
      .post(`${base}/values`)
      .set('Authorization', admin.auth)
      .set('Content-Type', 'application/json')
      .send('{"name":"proto","private":false,"value":{"a":1,"__proto__":{"polluted":true}}}')
      .expect(400);
    expectErrorShape(res);
    expect(res.body.error).toContain('__proto__');
  });

  // A plain username stays accepted with autoConfirm (test/local-userpass.test.ts).
  it('(c) with autoConfirm, registration refuses control characters and markup', async () => {
    await addUserpassProvider(srv, admin, app._id, AUTO_CONFIRM);
    for (const bad of [
      'a\u0000b@example.com',
      'a@example.com\r\nBcc: x@y.io',
      '<b>x</b>',
      'a\u2028b',
    ]) {
      const res = await register(srv, app.client_app_id, bad, 'secret1').expect(400);
      expectErrorShape(res);
    }
    await register(srv, app.client_app_id, 'ok@example.com', 'secret1').expect(201);
  });

  it('(d) a 415 does not expose a route pattern', async () => {
    const res = await srv.api
      .post(`${base}/values`)
      .set('Authorization', admin.auth)
      .set('Content-Type', 'text/plain')
      .send('x')
      .expect(415);
    expectErrorShape(res);
    expect(res.body.error).not.toMatch(/\/api\/|\{|:groupId/);
  });

  // An unquoted description with a comma inside `{ … }` is cut at the comma, and the rest
  // becomes a schema key with no value.
  it('(e) openapi.yaml has no description cut into schema keys', () => {
    const doc: unknown = YAML.parse(fs.readFileSync(SPEC_PATH, 'utf8'));
    const bad: string[] = [];
    const walk = (v: unknown, at: string) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}/${i}`));
      else if (v !== null && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === 'description' && typeof x !== 'string') bad.push(`${at}/${k}`);
          if (x === null) bad.push(`${at}/${k}`);
          walk(x, `${at}/${k}`);
        }
      }
    };
    walk(doc, '');
    expect(bad).toEqual([]);
  });

  it('(f) an SMTP failure is logged at warn, without a stack trace', async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const log = { error: jest.fn(), warn: jest.fn() };
    const mailer = smtpMailer(
      { host: '127.0.0.1', port, secure: false, from: 'a@example.com' } as never,
      log as unknown as Logger,
    );
    await expect(mailer.send({ to: 'b@example.com', subject: 's', text: 't' })).rejects.toThrow(
      UnavailableError,
    );
    expect(log.error).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(log.warn.mock.calls[0])).not.toContain('    at ');

    // The error writer logs the 503 it answers at warn, without the stack, too.
    const res = {
      headersSent: false,
      setHeader: () => undefined,
      writeHead: () => res,
      end: () => res,
      status: () => res,
      send: () => res,
    };
    errorHandler(log as unknown as Logger)(
      new UnavailableError('the email could not be sent; try again later'),
      { method: 'POST', path: '/x' } as never,
      res as never,
      () => undefined,
    );
    expect(log.error).not.toHaveBeenCalled();
    expect(JSON.stringify(log.warn.mock.calls[1])).not.toContain('    at ');
  });
});

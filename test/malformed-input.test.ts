import net from 'node:net';
import { UnavailableError } from '../src/errors/app-error';
import { errorHandler } from '../src/http/error-handler';
import { smtpMailer } from '../src/client/userpass/mailer';
import type { Logger } from '../src/logging/logger';
import { appPath } from './helpers/config-resources';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

// Malformed requests (issue 10): each answers a 4xx with the App Services error shape, never a
// 500, a hang or silently lost data.

const ADMIN_LOGIN = '/api/admin/v3.0/auth/providers/mongodb-cloud/login';

let srv: TestServer;
let admin: AdminSession;
let app: { _id: string; client_app_id: string };
let base: string;

beforeAll(async () => {
  srv = await startTestServer();
  admin = await adminLogin(srv, { groupId: GROUP_A });
  app = await createApp(srv, admin);
  base = appPath(GROUP_A, app._id);
});
afterAll(() => srv.close());

function expectErrorShape(res: { status: number; body: unknown; headers: Record<string, string> }) {
  expect(res.headers['content-type']).toBe('application/json');
  expect(res.body).toEqual({ error: expect.any(String), error_code: expect.any(String) });
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

describe('smaller items (item 12)', () => {
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

import fs from 'node:fs';
import path from 'node:path';
import supertest from 'supertest';
import { CONSOLE_DIST } from '../helpers/console-build';
import { startTestServer, type TestServer } from '../helpers/test-server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

const cspOf = (res: supertest.Response) => String(res.headers['content-security-policy']);

describe('/console', () => {
  it('redirects /console to /console/', async () => {
    const res = await supertest(srv.app).get('/console').expect(301);
    expect(res.headers.location).toBe('/console/');
  });

  it('serves the app with a CSP allowing only itself, a new style nonce each time, no caching', async () => {
    const a = await supertest(srv.app).get('/console/').expect(200);
    const b = await supertest(srv.app).get('/console/').expect(200);
    expect(a.headers['content-type']).toMatch(/^text\/html/);
    expect(a.headers['cache-control']).toBe('no-cache');
    const csp = cspOf(a);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(a.text).toContain(`nonce="${nonce}"`);
    expect(a.text).not.toContain('__CSP_NONCE__');
    expect(cspOf(b)).not.toBe(csp);
  });

  it('serves hashed assets as immutable and a missing one as a plain 404', async () => {
    const asset = fs.readdirSync(path.join(CONSOLE_DIST, 'assets')).find((f) => f.endsWith('.js'));
    const res = await supertest(srv.app).get(`/console/assets/${asset}`).expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
    const missing = await supertest(srv.app).get('/console/assets/nope-123.js').expect(404);
    expect(missing.headers['content-type']).toMatch(/^text\/plain/);
  });

  it('leaves the APIs as they were (JSON errors, no-store)', async () => {
    const res = await supertest(srv.app).get('/api/admin/v3.0/auth/profile').expect(401);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(cspOf(res)).toContain("default-src 'none'");
  });
});

describe('/docs', () => {
  it('serves the Redoc page and its script from this server, and openapi.yaml', async () => {
    const page = await supertest(srv.app).get('/docs').expect(200);
    expect(page.text).toContain('/docs/redoc.standalone.js');
    expect(page.text).not.toMatch(/https?:\/\//);
    expect(cspOf(page)).toContain("script-src 'self'");
    await supertest(srv.app)
      .get('/docs/redoc.standalone.js')
      .expect(200)
      .expect('Content-Type', /javascript/);
    const spec = await supertest(srv.app).get('/docs/openapi.yaml').expect(200);
    expect(spec.headers['content-type']).toMatch(/yaml/);
    expect(spec.text).toContain('openapi: 3.1');
  });
});

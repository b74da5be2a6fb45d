import SwaggerParser from '@apidevtools/swagger-parser';
import { loadSpec, SPEC_PATH } from '../src/http/spec';
import { startTestServer, type TestServer } from './helpers/test-server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

describe('openapi.yaml', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    await expect(SwaggerParser.validate(SPEC_PATH)).resolves.toBeDefined();
  });

  it('has a handler for every operation and an operation for every handler', () => {
    const specIds = loadSpec()
      .operations.map((op) => op.operationId)
      .sort();
    expect(Object.keys(srv.deps.handlers).sort()).toEqual(specIds);
    expect(new Set(specIds).size).toBe(specIds.length);
  });

  it('requires a token on every admin operation except login and the provider list', () => {
    const publicAdmin = loadSpec()
      .operations.filter((op) => op.path.startsWith('/api/admin/') && op.security === 'none')
      .map((op) => op.operationId)
      .sort();
    expect(publicAdmin).toEqual(['adminLogin', 'getAdminAuthProviders']);
  });
});

describe('HTTP-level failures keep the App Services error shape', () => {
  it('unknown path → 404', async () => {
    const res = await srv.api.get('/api/admin/v3.0/nope').expect(404);
    expect(res.body).toEqual({ error: 'no such endpoint', error_code: 'NotFound' });
  });

  it('known path, wrong method → 405', async () => {
    const res = await srv.api.put('/api/admin/v3.0/auth/profile').expect(405);
    expect(res.body.error_code).toBe('MethodNotAllowed');
  });

  it('a non-JSON content type → 415', async () => {
    const res = await srv.api
      .post('/api/admin/v3.0/auth/providers/mongodb-cloud/login')
      .set('Content-Type', 'text/plain')
      .send('username=a')
      .expect(415);
    expect(res.body.error_code).toBe('UnsupportedMediaType');
  });

  it('a JSON body that is not an object → 400', async () => {
    await srv.api
      .post('/api/admin/v3.0/auth/providers/mongodb-cloud/login')
      .set('Content-Type', 'application/json')
      .send('[1,2,3]')
      .expect(400);
  });

  it('writes Content-Type application/json with no charset on errors', async () => {
    const res = await srv.api.get('/api/admin/v3.0/auth/profile').expect(401);
    expect(res.headers['content-type']).toBe('application/json');
  });
});

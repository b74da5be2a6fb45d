import { startTestServer, type TestServer } from './helpers/test-server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

describe('GET /healthz', () => {
  it('reports the database up', async () => {
    const res = await srv.api.get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('reports 503 when the database connection is gone', async () => {
    const other = await startTestServer();
    await other.conn.dropDatabase();
    await other.conn.close();
    const res = await other.api.get('/healthz').expect(503);
    expect(res.body).toEqual({ status: 'degraded', database: 'down' });
  });
});

import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { digestGet } from './helpers/digest';
import { GROUP_A, GROUP_B } from './helpers/factories';
import { startTestServer, testDatabaseUri, type TestServer } from './helpers/test-server';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..');
const LOGIN = '/api/admin/v3.0/auth/providers/mongodb-cloud/login';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

async function admin(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      ['scripts/admin.ts', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, MONGODB_URI: testDatabaseUri(), MONGODB_DB_NAME: srv.dbName },
      },
    );
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('npm run admin', () => {
  it('create-key --group prints a key pair that logs in as owner of that group only', async () => {
    const out = await admin('create-key', '--group', GROUP_A, '--json');
    expect(out.code).toBe(0);
    const key = JSON.parse(out.stdout) as { publicKey: string; privateKey: string };
    expect(key.publicKey).toMatch(/^[a-z]{8}$/);
    expect(key.privateKey).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const login = await srv.api
      .post(LOGIN)
      .send({ username: key.publicKey, apiKey: key.privateKey })
      .expect(200);
    const auth = `Bearer ${login.body.access_token}`;
    await srv.api
      .get(`/api/admin/v3.0/groups/${GROUP_A}/apps`)
      .set('Authorization', auth)
      .expect(200);
    await srv.api
      .get(`/api/admin/v3.0/groups/${GROUP_B}/apps`)
      .set('Authorization', auth)
      .expect(403);

    const list = await admin('list-keys', '--json');
    const rows = JSON.parse(list.stdout) as { public_key: string; status: string; roles: string }[];
    expect(rows).toContainEqual(
      expect.objectContaining({
        public_key: key.publicKey,
        status: 'active',
        roles: `GROUP_OWNER:${GROUP_A}`,
      }),
    );
    expect(list.stdout).not.toContain(key.privateKey);

    const revoked = await admin('revoke-key', key.publicKey);
    expect(revoked.code).toBe(0);
    await srv.api
      .get(`/api/admin/v3.0/groups/${GROUP_A}/apps`)
      .set('Authorization', auth)
      .expect(401);
    await srv.api.post(LOGIN).send({ username: key.publicKey, apiKey: key.privateKey }).expect(401);
  });

  it("create-key seals the key's Digest HA1 as the server does: the public API takes it at once", async () => {
    const out = await admin('create-key', '--group', GROUP_B, '--json');
    const key = JSON.parse(out.stdout) as { publicKey: string; privateKey: string };
    const res = await digestGet(srv, '/api/public/v1.0/groups', key, 200);
    expect(res.body.results).toEqual([{ id: GROUP_B, name: GROUP_B }]);
  });

  it('refuses bad arguments with a usage message', async () => {
    expect((await admin('create-key')).code).toBe(2);
    expect((await admin('create-key', '--group', 'nothex')).stderr).toContain('invalid group id');
    expect((await admin('revoke-key', 'zzzzzzzz')).code).toBe(1);
    expect((await admin('frobnicate')).stderr).toContain('usage');
  });
});

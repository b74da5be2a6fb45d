import {
  claimsFor,
  customTokenLogin,
  HS_SECRET,
  HS_SECRET_2,
  hsApp,
  mintHs,
} from './helpers/custom-token';
import mongoose from 'mongoose';
import { AppStore } from '../src/domain/apps/app.store';
import { CachedDeployedConfigReader } from '../src/domain/deployments/deployed-config.reader';
import { DeploymentConfigs } from '../src/domain/deployments/deployment-configs';
import { versionMarkerId } from '../src/domain/deployments/deployment-config.model';
import { addValue } from './helpers/config-edits';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

let srv: TestServer;
let admin: AdminSession;
let recorded: string[] | undefined;
/** The filter keys of each recorded operation that has a filter, e.g. `findOne apps {_id}`. */
let filters: string[] | undefined;
beforeAll(async () => {
  srv = await startTestServer();
  admin = await adminLogin(srv, 'org');
  srv.conn.set('debug', (collection: string, method: string, ...args: unknown[]) => {
    recorded?.push(`${method} ${collection}`);
    const filter = args[0];
    if (filters && typeof filter === 'object' && filter !== null && !Array.isArray(filter))
      filters.push(`${method} ${collection} {${Object.keys(filter).join(',')}}`);
  });
});
afterAll(() => srv.close());

async function recording(run: () => Promise<unknown>): Promise<string[]> {
  recorded = [];
  try {
    await run();
    return recorded;
  } finally {
    recorded = undefined;
  }
}

async function eventually(check: () => Promise<boolean>, deadlineMs = 5000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('not within the deadline');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function secretIdOf(appId: string, name: string): Promise<string> {
  const res = await srv.api
    .get(`/api/admin/v3.0/groups/${GROUP_A}/apps/${appId}/secrets`)
    .set('Authorization', admin.auth)
    .expect(200);
  return (res.body as { _id: string; name: string }[]).find((s) => s.name === name)?._id ?? '';
}

describe('custom-token signing keys (app secrets)', () => {
  it('are read and decrypted once for many logins, not at each one', async () => {
    const app = await hsApp(srv, admin);
    const token = await mintHs(claimsFor(app.clientAppId, { sub: 'cached' }));
    await customTokenLogin(srv, app.clientAppId, { token }).expect(200);
    const ops = await recording(async () => {
      for (let i = 0; i < 10; i++)
        await customTokenLogin(srv, app.clientAppId, { token }).expect(200);
    });
    // The cache lasts a second: ten quick logins read the secret at most once.
    expect(ops.filter((op) => op.endsWith(' secrets')).length).toBeLessThanOrEqual(1);
  });

  it('a new value is used at once by the process that set it, and within a second by another', async () => {
    const app = await hsApp(srv, admin);
    const other = await startTestServer({}, { dbName: srv.dbName });
    try {
      const oldToken = await mintHs(claimsFor(app.clientAppId, { sub: 'rotated' }), HS_SECRET);
      const newToken = await mintHs(claimsFor(app.clientAppId, { sub: 'rotated' }), HS_SECRET_2);
      await customTokenLogin(srv, app.clientAppId, { token: oldToken }).expect(200);
      await customTokenLogin(other, app.clientAppId, { token: oldToken }).expect(200);

      const id = await secretIdOf(app.appId, 'jwtKey');
      await srv.api
        .put(`/api/admin/v3.0/groups/${GROUP_A}/apps/${app.appId}/secrets/${id}`)
        .set('Authorization', admin.auth)
        .send({ name: 'jwtKey', value: HS_SECRET_2 })
        .expect(204);
      await customTokenLogin(srv, app.clientAppId, { token: newToken }).expect(200);
      await customTokenLogin(srv, app.clientAppId, { token: oldToken }).expect(401);

      const changedAt = Date.now();
      await eventually(
        async () =>
          (await customTokenLogin(other, app.clientAppId, { token: newToken })).status === 200,
      );
      expect(Date.now() - changedAt).toBeLessThan(2000);
      await customTokenLogin(other, app.clientAppId, { token: oldToken }).expect(401);
    } finally {
      await other.close();
    }
  });
});

describe('the deployed config cache', () => {
  it('revalidates with lookups by _id alone, and sees a deploy by its version marker', async () => {
    const app = await createApp(srv, admin);
    let clock = 0;
    const reader = new CachedDeployedConfigReader(
      AppStore.of(srv.conn),
      new DeploymentConfigs(srv.conn),
      { now: () => clock },
    );
    expect((await reader.getDeployedConfig(app.client_app_id))?.version).toBe(0);
    clock += 500;
    filters = [];
    try {
      expect((await reader.getDeployedConfig(app.client_app_id))?.version).toBe(0);
      expect(filters.sort()).toEqual(['findOne apps {_id}', 'findOne deployment_configs {_id}']);
    } finally {
      filters = undefined;
    }

    await addValue(srv, app._id, admin.key.id, 'v1');
    clock += 500;
    expect((await reader.getDeployedConfig(app.client_app_id))?.version).toBe(1);
  });

  it('a marker left without its deployment (a crash mid-deploy) costs reloads, never a wrong config', async () => {
    const app = await createApp(srv, admin);
    await addValue(srv, app._id, admin.key.id, 'v1');
    let clock = 0;
    const reader = new CachedDeployedConfigReader(
      AppStore.of(srv.conn),
      new DeploymentConfigs(srv.conn),
      { now: () => clock },
    );
    expect((await reader.getDeployedConfig(app.client_app_id))?.version).toBe(1);
    await srv.conn.collection('deployment_configs').insertOne({
      _id: versionMarkerId(app._id, 2) as unknown as mongoose.Types.ObjectId,
      app_id: new mongoose.Types.ObjectId(app._id),
    });
    clock += 500;
    expect((await reader.getDeployedConfig(app.client_app_id))?.version).toBe(1);
    // The next deploy takes version 2 as usual, and is seen.
    await addValue(srv, app._id, admin.key.id, 'v2');
    clock += 500;
    const v2 = await reader.getDeployedConfig(app.client_app_id);
    expect(v2?.version).toBe(2);
    expect(v2?.config.values.map((v) => v.name).sort()).toEqual(['v1', 'v2']);
  });
});

describe('verified user tokens', () => {
  it('a token verified before is refused once expired, or once its session ends', async () => {
    const app = await hsApp(srv, admin);
    const token = await mintHs(claimsFor(app.clientAppId, { sub: 'remembered' }));
    const user = (await customTokenLogin(srv, app.clientAppId, { token }).expect(200)).body as {
      access_token: string;
      refresh_token: string;
    };
    const profile = () =>
      srv.api
        .get('/api/client/v2.0/auth/profile')
        .set('Authorization', `Bearer ${user.access_token}`);
    const refresh = () =>
      srv.api
        .post('/api/client/v2.0/auth/session')
        .set('Authorization', `Bearer ${user.refresh_token}`);
    await profile().expect(200);
    await profile().expect(200);
    await refresh().expect(201);
    await refresh().expect(201);

    srv.clock.advance(31 * 60);
    expect((await profile().expect(401)).body.error).toBe('invalid session: token expired');
    await refresh().expect(201);
    await srv.api
      .delete('/api/client/v2.0/auth/session')
      .set('Authorization', `Bearer ${user.refresh_token}`)
      .expect(204);
    await refresh().expect(401);
  });
});

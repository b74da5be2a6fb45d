import mongoose from 'mongoose';
import { DeploymentConfigs } from '../src/domain/deployments/deployment-configs';
import { adminLogin, createApp, type AdminSession } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/test-server';

let srv: TestServer;
let alice: AdminSession;
beforeAll(async () => {
  srv = await startTestServer();
  alice = await adminLogin(srv, 'org');
});
afterAll(() => srv.close());

describe('deployment snapshots', () => {
  it('the snapshot a deploy keeps in memory is the one a read from the database decodes', async () => {
    const appId = (await createApp(srv, alice))._id;
    const config = structuredClone(await srv.deps.configStore.view(appId, alice.key.id));
    config.values.push({
      _id: 'v1',
      name: 'odd',
      private: false,
      from_secret: false,
      value: { $in: [1, 2.5, 2 ** 40], 'a.b': { '%24': '$x', c: null, d: undefined } },
      last_modified: 0,
    });
    config.functions.push({
      _id: 'f1',
      name: 'f',
      source: 'exports = () => 1;',
      private: false,
      run_as_system: undefined,
      last_modified: 0,
    });
    const id = new mongoose.Types.ObjectId();
    const deploying = new DeploymentConfigs(srv.conn);
    await deploying.put(id, appId, 1, config);
    const kept = await deploying.get(id);
    const read = await new DeploymentConfigs(srv.conn).get(id);
    expect(kept).toStrictEqual(read);
    expect(Object.isFrozen(kept)).toBe(true);
  });

  it('two writers of one version (a race) both store their snapshot with the one version marker', async () => {
    const appId = (await createApp(srv, alice))._id;
    const config = await srv.deps.configStore.view(appId, alice.key.id);
    const snapshots = new DeploymentConfigs(srv.conn);
    expect(await snapshots.hasVersion(appId, 1)).toBe(false);
    const [first, second] = [new mongoose.Types.ObjectId(), new mongoose.Types.ObjectId()];
    await snapshots.put(first, appId, 1, config);
    await snapshots.put(second, appId, 1, config);
    expect(await snapshots.hasVersion(appId, 1)).toBe(true);
    expect(await snapshots.hasVersion(appId, 2)).toBe(false);
    const reader = new DeploymentConfigs(srv.conn);
    expect(await reader.get(first)).toStrictEqual(await reader.get(second));
  });
});

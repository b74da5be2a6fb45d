import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { AppStore } from '../src/domain/apps/app.store';
import { CachedDeployedConfigReader } from '../src/domain/deployments/deployed-config.reader';
import { DeploymentConfigs } from '../src/domain/deployments/deployment-configs';
import { addValue } from './helpers/config-edits';
import { adminLogin, createApp, GROUP_A, type AdminSession } from './helpers/factories';
import { startTestServer, testDatabaseUri, type TestServer } from './helpers/test-server';

const ROOT = path.resolve(__dirname, '..');

let srv: TestServer;
let admin: AdminSession;
beforeAll(async () => {
  srv = await startTestServer();
  admin = await adminLogin(srv, 'org');
});
afterAll(() => srv.close());

function runFixture(
  name: string,
  args: string[],
): { child: ChildProcess; lines: string[]; waitFor: (re: RegExp, ms: number) => Promise<string> } {
  // node itself runs the fixture (tsx as a loader), so a SIGKILL hits the real process.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'test/fixtures', name), ...args],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: (l: string) => void }[] = [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      for (const w of waiters.splice(0)) {
        if (w.re.test(line)) w.resolve(line);
        else waiters.push(w);
      }
    }
  });
  const waitFor = (re: RegExp, ms: number) =>
    new Promise<string>((resolve, reject) => {
      const seen = lines.find((l) => re.test(l));
      if (seen) return resolve(seen);
      const timer = setTimeout(
        () =>
          reject(
            new Error(`no line matching ${String(re)} within ${ms} ms; got ${lines.join(' | ')}`),
          ),
        ms,
      );
      waiters.push({ re, resolve: (l) => (clearTimeout(timer), resolve(l)) });
    });
  return { child, lines, waitFor };
}

describe('the runtime read port', () => {
  it('serves the creation config, then each deployed version; unknown apps are null', async () => {
    const app = await createApp(srv, admin);
    let clock = 0;
    const reader = new CachedDeployedConfigReader(
      AppStore.of(srv.conn),
      new DeploymentConfigs(srv.conn),
      {
        now: () => clock,
      },
    );
    expect(await reader.getDeployedConfig('nope-abcde')).toBeNull();
    const v0 = await reader.getDeployedConfig(app.client_app_id);
    expect(v0).toMatchObject({ appId: app._id, version: 0 });
    expect(v0?.config.auth_providers.map((p) => p.name)).toEqual(['api-key']);
    await addValue(srv, app._id, admin.key.id, 'x');
    expect((await reader.getDeployedConfig(app.client_app_id))?.version).toBe(0); // cached
    clock += 500;
    const v1 = await reader.getDeployedConfig(app.client_app_id);
    expect(v1?.version).toBe(1);
    expect(v1?.config.values.map((v) => v.name)).toEqual(['x']);
    await srv.api
      .delete(`/api/admin/v3.0/groups/${GROUP_A}/apps/${app._id}`)
      .set('Authorization', admin.auth)
      .expect(204);
    clock += 500;
    expect(await reader.getDeployedConfig(app.client_app_id)).toBeNull();
  });

  it('a second server process sees a deploy made through the first within 1 second', async () => {
    const app = await createApp(srv, admin);
    const watcher = runFixture('reader-watch.ts', [
      testDatabaseUri(),
      srv.dbName,
      app.client_app_id,
      '1',
    ]);
    try {
      await watcher.waitFor(/"version":0/, 15_000);
      const deployedAt = Date.now();
      await addValue(srv, app._id, admin.key.id, 'seen-elsewhere');
      const line = await watcher.waitFor(/"version":1/, 5_000);
      const seenAt = (JSON.parse(line) as { at: number }).at;
      expect(seenAt - deployedAt).toBeLessThan(1000);
    } finally {
      watcher.child.kill('SIGKILL');
    }
  });
});

describe('a deploy interrupted by killing the server process', () => {
  it('leaves the old or the new config, complete, and later deploys still work', async () => {
    const app = await createApp(srv, admin);
    for (let round = 0; round < 3; round++) {
      const loop = runFixture('deploy-loop.ts', [testDatabaseUri(), srv.dbName, app._id]);
      try {
        await loop.waitFor(/^deployed /, 30_000);
        await new Promise((r) => setTimeout(r, 20 + Math.floor(Math.random() * 200)));
      } finally {
        loop.child.kill('SIGKILL');
        await new Promise((r) => loop.child.once('exit', r));
      }

      const { config, version } = await srv.deps.configStore.deployed(app._id);
      expect(version).toBeGreaterThan(0);
      const marker = config.values.find((v) => v.name === 'marker')?.value as string;
      expect(config.functions).toHaveLength(200);
      expect(
        config.functions.every(
          (f, n) => f.source === `exports = function() { return "${marker}-${n}"; };`,
        ),
      ).toBe(true);
      const all = await srv.conn
        .collection('deployment_configs')
        .find({
          app_id: new (await import('mongodb')).ObjectId(app._id),
          config: { $exists: true },
        })
        .toArray();
      for (const d of all)
        expect((d.config as { functions: unknown[] }).functions).toHaveLength(200);
      process.stderr.write(
        `round ${round}: ${loop.lines.length} deploys before the kill, deployed version ${version}\n`,
      );
    }
    await addValue(srv, app._id, admin.key.id, 'after-crash');
    const after = await srv.deps.configStore.deployed(app._id);
    expect(after.config.values.map((v) => v.name)).toContain('after-crash');
  }, 120_000);
});

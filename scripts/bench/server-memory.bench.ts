/**
 * The server's memory under login load, measured on the server alone: the built server
 * (`dist/src/main.js`) in processes of their own on the bench database, their resident sets read
 * from /proc while this process sends them custom-token logins, then refreshes, of existing users
 * (custom user data on). The load generator, tsx and the fixture stay in this process, so they are
 * not counted. Target: RSS ≤ 200 MB under the login load.
 *
 * Two servers run side by side and take the load in turn (A, B, A, B…): one started with the
 * Node options of `npm start` (package.json; BENCH_SERVER_NODE_OPTIONS replaces them, to try
 * others), one with V8's default heap settings, so the table shows what the options save and what
 * they cost in requests per second, measured in the same run.
 *
 * The server is built first when `dist` is older than `src` (`tsc -p tsconfig.build.json`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { clientFixture, mintToken } from './client-fixture';
import { median, printTable, runLoad, type BenchSection, type LoadTarget } from './harness';
import { cpuMs, procStatusMb } from './proc';

const USERS = 200;
const RSS_LIMIT_MB = 200;
const ROOT = path.join(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');
/** What every server needs (isolated-vm on Node 20); the "V8 defaults" server has only this. */
const REQUIRED_OPTIONS = ['--no-node-snapshot'];

/** The Node options `npm start` runs the server with (package.json), or BENCH_SERVER_NODE_OPTIONS. */
function shippedOptions(): string[] {
  const override = process.env.BENCH_SERVER_NODE_OPTIONS;
  if (override !== undefined) return override.split(/\s+/).filter(Boolean);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = (pkg.scripts.start ?? '').split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== 'dist/src/main.js') {
    throw new Error(`npm start is not "node [options] dist/src/main.js": ${pkg.scripts.start}`);
  }
  return words.slice(1, -1);
}

/** The newest modification time of a file under `dir`, in ms. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function ensureBuilt(): void {
  const built = fs.existsSync(MAIN) ? fs.statSync(MAIN).mtimeMs : 0;
  if (built > newestMtime(path.join(ROOT, 'src'))) return;
  console.log('  building the server (dist is older than src)');
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

interface ServerProcess {
  readonly baseUrl: string;
  readonly pid: number;
  stop(): Promise<void>;
}

async function startServer(
  options: readonly string[],
  dbUri: string,
  dbName: string,
): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...options, MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      HOST: '127.0.0.1',
      PORT: String(port),
      MONGODB_URI: dbUri,
      MONGODB_DB_NAME: dbName,
      LOG_LEVEL: 'warn',
      // Login throughput comes from one IP: the per-IP login limit is off, as in the bench server.
      LOGIN_RATE_LIMIT_PER_IP: '0',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const up = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the server did not answer /healthz within 60 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error('the server process has no pid');
  return {
    baseUrl,
    pid,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Samples a server's VmRSS every 50 ms while `run` runs; the peak goes to `peak`. */
async function sampled<T>(pid: number, peak: { mb: number }, run: () => Promise<T>): Promise<T> {
  const sample = () => {
    peak.mb = Math.max(peak.mb, procStatusMb(pid, 'VmRSS'));
  };
  const timer = setInterval(sample, 50);
  try {
    return await run();
  } finally {
    clearInterval(timer);
    sample();
  }
}

interface Variant {
  readonly label: string;
  readonly options: readonly string[];
  server?: ServerProcess;
  idleMb: number;
  readonly peak: { login: { mb: number }; refresh: { mb: number } };
  readonly rps: { login: number[]; refresh: number[] };
  /** The server's CPU time per request, ms: unlike req/s, barely moved by other processes. */
  readonly cpu: { login: number[]; refresh: number[] };
  failed: number;
}

export const serverMemoryBench: BenchSection = {
  name: 'server-memory',
  description: `the built server's RSS (own process) under ${USERS}-user login and refresh load`,
  async run(ctx) {
    ensureBuilt();
    console.log(`  setting up: app, provider, custom user data, ${USERS} users logged in once`);
    const f = await clientFixture(ctx, { users: USERS, customData: true });
    const tokens = await Promise.all(f.users.map((u) => mintToken(f, u.sub)));
    const variant = (label: string, options: readonly string[]): Variant => ({
      label,
      options,
      idleMb: 0,
      peak: { login: { mb: 0 }, refresh: { mb: 0 } },
      rps: { login: [], refresh: [] },
      cpu: { login: [], refresh: [] },
      failed: 0,
    });
    const shipped = shippedOptions();
    const variants = [
      variant(`npm start: ${shipped.join(' ')}`, shipped),
      variant(`V8 defaults: ${REQUIRED_OPTIONS.join(' ')}`, REQUIRED_OPTIONS),
    ];
    try {
      for (const v of variants) {
        v.server = await startServer(v.options, ctx.dbUri, ctx.deps.config.mongodbDbName);
      }
      await new Promise((r) => setTimeout(r, 1000));
      for (const v of variants) if (v.server) v.idleMb = procStatusMb(v.server.pid, 'VmRSS');
      const loads = (server: ServerProcess): Record<'login' | 'refresh', LoadTarget> => {
        const url = (u: string) => server.baseUrl + new URL(u).pathname;
        return {
          login: {
            label: 'login',
            url: url(f.loginUrl),
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            cycle: tokens.map((token) => ({ body: JSON.stringify({ token }) })),
          },
          refresh: {
            label: 'refresh',
            url: url(f.refreshUrl),
            method: 'POST',
            cycle: f.users.map((u) => ({ headers: { Authorization: `Bearer ${u.refreshToken}` } })),
          },
        };
      };
      const { durationSec, connections, rounds, warmupSec } = ctx.settings;
      for (const v of variants) {
        if (!v.server) continue;
        console.log(`  warm-up ${v.label} (${warmupSec} s)`);
        await runLoad(loads(v.server).login, warmupSec, connections);
      }
      for (let round = 1; round <= rounds; round++) {
        for (const what of ['login', 'refresh'] as const) {
          for (const v of variants) {
            const server = v.server;
            if (!server) continue;
            console.log(`  round ${round}/${rounds}: ${what}, ${v.label} (${durationSec} s)`);
            const cpuBefore = cpuMs(server.pid);
            const r = await sampled(server.pid, v.peak[what], () =>
              runLoad(loads(server)[what], durationSec, connections),
            );
            v.rps[what].push(r.rps);
            v.cpu[what].push((cpuMs(server.pid) - cpuBefore) / Math.max(1, r.total));
            v.failed += r.non2xx + r.errors;
          }
        }
      }
      for (const v of variants) {
        if (!v.server) continue;
        // The kernel's high-water mark also catches a peak between two samples.
        v.peak.refresh.mb = Math.max(v.peak.refresh.mb, procStatusMb(v.server.pid, 'VmHWM'));
      }
      console.log(
        `\nserver-memory: ${USERS} users, ${connections} connections, medians of ${rounds} ` +
          `run(s) of ${durationSec} s; RSS and CPU time per request of each server process\n`,
      );
      printTable(
        [
          'server',
          'idle MB',
          'login/s',
          'CPU ms',
          'peak MB',
          'refresh/s',
          'CPU ms',
          'peak MB (HWM)',
        ],
        variants.map((v) => [
          v.label,
          v.idleMb.toFixed(0),
          median(v.rps.login).toFixed(0),
          median(v.cpu.login).toFixed(2),
          v.peak.login.mb.toFixed(0),
          median(v.rps.refresh).toFixed(0),
          median(v.cpu.refresh).toFixed(2),
          v.peak.refresh.mb.toFixed(0),
        ]),
      );
      const [ours, defaults] = variants;
      if (!ours || !defaults) throw new Error('missing variants');
      const peak = Math.max(ours.peak.login.mb, ours.peak.refresh.mb);
      console.log('');
      for (const what of ['login', 'refresh'] as const) {
        const rps = median(ours.rps[what]) / median(defaults.rps[what]);
        const cpu = median(ours.cpu[what]) / median(defaults.cpu[what]);
        console.log(
          `${what}, npm start options / V8 defaults: req/s ×${rps.toFixed(3)}, ` +
            `server CPU per request ×${cpu.toFixed(3)}`,
        );
      }
      console.log(
        `peak RSS of the server (npm start options) under the login load: ${peak.toFixed(0)} MB  ` +
          `target <= ${RSS_LIMIT_MB} MB  ${peak <= RSS_LIMIT_MB ? 'PASS' : 'ABOVE TARGET'}`,
      );
      if (variants.some((v) => v.failed > 0)) {
        console.error('\nINVALID MEASUREMENT: some requests failed');
        return false;
      }
      return true;
    } finally {
      await Promise.all(variants.map((v) => v.server?.stop() ?? Promise.resolve()));
    }
  },
};

/**
 * Admin API read throughput: GET /groups/{g}/apps/{appId} with a bearer token (the full stack:
 * JSON parsing, request validation, token and session checks, the app lookup), against a bare
 * Express 5 handler that returns the same JSON body. Reported as a ratio to that baseline; also
 * the CPU time per request of the thread both run on, which other processes move far less than
 * req/s (on 2 cores, the load generator and anything else running take turns with the server).
 */
import express from 'express';
import { rolesFor } from '../../src/domain/admins/admin-key.service';
import {
  closeServer,
  listenLoopback,
  measureAlternating,
  loadRow,
  printTable,
  type BenchContext,
  type BenchSection,
  runLoad,
  type LoadTarget,
} from './harness';
import { mainThreadCpuMs } from './proc';

const GROUP = '5b2ec991973129243223a114';
const ADMIN = '/api/admin/v3.0';
const TARGET_RATIO = 0.6;

async function request(url: string, init: RequestInit, expected: number): Promise<string> {
  const res = await fetch(url, init);
  const text = await res.text();
  if (res.status !== expected) {
    throw new Error(
      `${init.method ?? 'GET'} ${url}: expected ${expected}, got ${res.status} ${text}`,
    );
  }
  return text;
}

function postJson(url: string, body: unknown, expected: number, auth?: string): Promise<string> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (auth) headers.Authorization = auth;
  return request(url, { method: 'POST', headers, body: JSON.stringify(body) }, expected);
}

/** An org-owner key, a session through the login endpoint, one app, and its JSON as served. */
async function prepare(ctx: BenchContext): Promise<{ auth: string; appUrl: string; body: string }> {
  const key = await ctx.deps.adminKeys.create(rolesFor('org'), 'bench');
  const login = JSON.parse(
    await postJson(
      `${ctx.baseUrl}${ADMIN}/auth/providers/mongodb-cloud/login`,
      { username: key.publicKey, apiKey: key.privateKey },
      200,
    ),
  ) as { access_token: string };
  const auth = `Bearer ${login.access_token}`;
  const app = JSON.parse(
    await postJson(`${ctx.baseUrl}${ADMIN}/groups/${GROUP}/apps`, { name: 'benchapp' }, 201, auth),
  ) as { _id: string };
  const appUrl = `${ctx.baseUrl}${ADMIN}/groups/${GROUP}/apps/${app._id}`;
  const body = await request(appUrl, { headers: { Authorization: auth } }, 200);
  return { auth, appUrl, body };
}

export const adminReadBench: BenchSection = {
  name: 'admin-read',
  description: 'GET one app with a bearer token vs a bare Express handler returning the same JSON',
  async run(ctx) {
    const { auth, appUrl, body } = await prepare(ctx);
    const bare = express();
    bare.get('/app', (_req, res) => {
      res.set('Content-Type', 'application/json').send(body);
    });
    const baseline = await listenLoopback(bare);
    try {
      const targets: LoadTarget[] = [
        { label: 'baseline (bare express)', url: `${baseline.baseUrl}/app` },
        { label: 'ours (GET app)', url: appUrl, headers: { Authorization: auth } },
      ];
      // Both servers run on this process's main thread: its CPU time per request (warm-ups too).
      const cpu = targets.map(() => ({ ms: 0, requests: 0 }));
      const measured = targets.map((t, i): LoadTarget => ({
        ...t,
        run: async (sec, conns) => {
          const before = mainThreadCpuMs();
          const r = await runLoad(t, sec, conns);
          const used = cpu[i];
          if (used) {
            used.ms += mainThreadCpuMs() - before;
            used.requests += r.total;
          }
          return r;
        },
      }));
      const [base, ours] = await measureAlternating(measured, ctx.settings);
      if (!base || !ours) throw new Error('missing results');
      const ratio = ours.rps / base.rps;
      const rows = [base, ours].map((r, i) => loadRow(targets[i]?.label ?? '', r));
      console.log(
        `\nadmin-read: ${body.length}-byte JSON body, medians of ${ctx.settings.rounds} run(s)\n`,
      );
      printTable(['target', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors'], rows);
      const usPerRequest = cpu.map((c) => (1000 * c.ms) / Math.max(1, c.requests));
      console.log(
        `\nserver thread CPU per request: baseline ${usPerRequest[0]?.toFixed(1)} µs, ` +
          `ours ${usPerRequest[1]?.toFixed(1)} µs (baseline/ours: ` +
          `${((usPerRequest[0] ?? 0) / (usPerRequest[1] ?? 1)).toFixed(3)})`,
      );
      console.log(`ratio ours/baseline (req/s): ${ratio.toFixed(3)}`);
      console.log(`target: >= ${TARGET_RATIO.toFixed(2)} of the bare handler`);
      console.log(ratio >= TARGET_RATIO ? 'PASS' : 'BELOW TARGET');
      if (ours.non2xx + ours.errors + base.non2xx + base.errors > 0) {
        console.error(
          `\nINVALID MEASUREMENT: non-2xx ours=${ours.non2xx} baseline=${base.non2xx}, ` +
            `errors ours=${ours.errors} baseline=${base.errors}`,
        );
        return false;
      }
      return true;
    } finally {
      await closeServer(baseline.server);
    }
  },
};

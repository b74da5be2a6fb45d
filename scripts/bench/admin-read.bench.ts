/**
 * Admin API read throughput: GET /groups/{g}/apps/{appId} with a bearer token (the full stack:
 * JSON parsing, request validation, token and session checks, the app lookup), against a bare
 * Express 5 handler that returns the same JSON body. Reported as a ratio to that baseline.
 */
import express from 'express';
import { rolesFor } from '../../src/admin/admin-keys/admin-key.service';
import {
  closeServer,
  listenLoopback,
  median,
  printTable,
  runLoad,
  type BenchContext,
  type BenchSection,
  type LoadResult,
  type LoadTarget,
} from './harness';

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

async function prepare(ctx: BenchContext): Promise<{ auth: string; appUrl: string; body: string }> {
  const key = await ctx.deps.adminKeys.create(rolesFor('org'), 'bench');
  const json = { 'Content-Type': 'application/json' };
  const login = JSON.parse(
    await request(
      `${ctx.baseUrl}${ADMIN}/auth/providers/mongodb-cloud/login`,
      {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ username: key.publicKey, apiKey: key.privateKey }),
      },
      200,
    ),
  ) as { access_token: string };
  const auth = `Bearer ${login.access_token}`;
  const app = JSON.parse(
    await request(
      `${ctx.baseUrl}${ADMIN}/groups/${GROUP}/apps`,
      {
        method: 'POST',
        headers: { ...json, Authorization: auth },
        body: JSON.stringify({ name: 'benchapp' }),
      },
      201,
    ),
  ) as { _id: string };
  const appUrl = `${ctx.baseUrl}${ADMIN}/groups/${GROUP}/apps/${app._id}`;
  const body = await request(appUrl, { headers: { Authorization: auth } }, 200);
  return { auth, appUrl, body };
}

/** Runs baseline and ours alternately (after one warm-up each); medians per metric. */
async function measure(
  ctx: BenchContext,
  targets: readonly LoadTarget[],
): Promise<Map<string, LoadResult>> {
  const { durationSec, connections, warmupSec, rounds } = ctx.settings;
  const runs = new Map<string, LoadResult[]>(targets.map((t) => [t.label, []]));
  for (const t of targets) {
    console.log(`  warm-up ${t.label} (${warmupSec} s)`);
    await runLoad(t, warmupSec, connections);
  }
  for (let round = 1; round <= rounds; round++) {
    for (const t of targets) {
      console.log(
        `  round ${round}/${rounds}: ${t.label} (${durationSec} s, ${connections} connections)`,
      );
      runs.get(t.label)?.push(await runLoad(t, durationSec, connections));
    }
  }
  const out = new Map<string, LoadResult>();
  for (const [label, list] of runs) {
    const sum = (f: (r: LoadResult) => number) => list.reduce((acc, r) => acc + f(r), 0);
    out.set(label, {
      rps: median(list.map((r) => r.rps)),
      p50: median(list.map((r) => r.p50)),
      p99: median(list.map((r) => r.p99)),
      non2xx: sum((r) => r.non2xx),
      errors: sum((r) => r.errors),
      total: sum((r) => r.total),
    });
  }
  return out;
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
      const baselineTarget = { label: 'baseline (bare express)', url: `${baseline.baseUrl}/app` };
      const oursTarget = { label: 'ours (GET app)', url: appUrl, headers: { Authorization: auth } };
      const results = await measure(ctx, [baselineTarget, oursTarget]);
      const base = results.get(baselineTarget.label);
      const ours = results.get(oursTarget.label);
      if (!base || !ours) throw new Error('missing results');
      const ratio = ours.rps / base.rps;
      const fmt = (n: number, d = 1) => n.toFixed(d);
      console.log(
        `\nadmin-read: ${body.length}-byte JSON body, medians of ${ctx.settings.rounds} run(s)\n`,
      );
      printTable(
        ['target', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors'],
        [baselineTarget, oursTarget].map((t) => {
          const r = t === oursTarget ? ours : base;
          return [
            t.label,
            fmt(r.rps),
            fmt(r.p50, 2),
            fmt(r.p99, 2),
            String(r.total),
            String(r.non2xx),
            String(r.errors),
          ];
        }),
      );
      console.log(`\nratio ours/baseline (req/s): ${ratio.toFixed(3)}`);
      console.log(`target: >= ${TARGET_RATIO.toFixed(2)} of the bare handler`);
      console.log(ratio >= TARGET_RATIO ? 'PASS' : 'BELOW TARGET');
      const invalid = ours.non2xx + ours.errors + base.non2xx + base.errors > 0;
      if (invalid) {
        console.error(
          `\nINVALID MEASUREMENT: non-2xx ours=${ours.non2xx} baseline=${base.non2xx}, ` +
            `errors ours=${ours.errors} baseline=${base.errors}`,
        );
      }
      return !invalid;
    } finally {
      await closeServer(baseline.server);
    }
  },
};

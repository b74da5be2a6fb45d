/**
 * Auth providers list throughput: GET /groups/{g}/apps/{appId}/auth_providers with a bearer token
 * on the realistic app of bench-app.ts (eight providers; the deployed config it is read from
 * also holds 200 functions and 50 values), against a bare Express 5 handler that returns the
 * same JSON body. Same load settings as admin-read; reported as a ratio to that baseline (no
 * target is set for it yet).
 */
import express from 'express';
import { withBenchApp } from './bench-app';
import {
  closeServer,
  listenLoopback,
  measureAlternating,
  printTable,
  type BenchSection,
  type LoadTarget,
} from './harness';

export const authProvidersReadBench: BenchSection = {
  name: 'auth-providers-read',
  description: 'GET auth_providers (8) with a bearer token vs a bare Express handler, same JSON',
  run: (ctx) =>
    withBenchApp(ctx, 'benchproviders', async (admin, app) => {
      const url = admin.url(`${app.path}/auth_providers`);
      const body = await admin.call('GET', `${app.path}/auth_providers`, 200);
      const count = (JSON.parse(body) as unknown[]).length;
      if (count !== 8) throw new Error(`expected 8 auth providers, got ${count}`);
      const bare = express();
      bare.get('/auth_providers', (_req, res) => {
        res.set('Content-Type', 'application/json').send(body);
      });
      const baseline = await listenLoopback(bare);
      try {
        const targets: LoadTarget[] = [
          { label: 'baseline (bare express)', url: `${baseline.baseUrl}/auth_providers` },
          { label: 'ours (GET auth_providers)', url, headers: { Authorization: admin.auth } },
        ];
        const [base, ours] = await measureAlternating(targets, ctx.settings);
        if (!base || !ours) throw new Error('missing results');
        const ratio = ours.rps / base.rps;
        const rows = [base, ours].map((r, i) => [
          targets[i]?.label ?? '',
          r.rps.toFixed(1),
          r.p50.toFixed(2),
          r.p99.toFixed(2),
          String(r.total),
          String(r.non2xx),
          String(r.errors),
        ]);
        console.log(
          `\nauth-providers-read: ${body.length}-byte JSON body (${count} providers), ` +
            `medians of ${ctx.settings.rounds} run(s)\n`,
        );
        printTable(['target', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors'], rows);
        console.log(`\nratio ours/baseline (req/s): ${ratio.toFixed(3)}`);
        if (ours.non2xx + ours.errors + base.non2xx + base.errors > 0) {
          console.error(
            `\nINVALID MEASUREMENT: non-2xx ours=${ours.non2xx} baseline=${base.non2xx}, ` +
              `errors ours=${ours.errors} baseline=${base.errors}`,
          );
          return false;
        }
        console.log('non-2xx: 0 (ours and baseline)');
        return true;
      } finally {
        await closeServer(baseline.server);
      }
    }),
};

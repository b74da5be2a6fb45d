/**
 * Auth providers list throughput: GET /groups/{g}/apps/{appId}/auth_providers with a bearer token
 * on the realistic app of bench-app.ts (eight providers; the deployed config it is read from
 * also holds 200 functions and 50 values), against a bare Express 5 handler that returns the
 * same JSON body. Same load settings as admin-read; reported as a ratio to that baseline (no
 * target is set for it yet). Then ours again with OTHER_DEPLOYMENTS more deployments (of other
 * apps) stored: on FerretDB, finding an app's newest deployment by a query scans them all, so
 * this shows whether a read still costs the same once a database holds a long history.
 */
import express from 'express';
import mongoose from 'mongoose';
import { withBenchApp } from './bench-app';
import {
  closeServer,
  listenLoopback,
  measureAlternating,
  loadRow,
  printTable,
  type BenchSection,
  type LoadTarget,
  type LoadResult,
} from './harness';

const OTHER_DEPLOYMENTS = 5000;

/** Stores `count` deployments of other (made-up) apps; resolves to their removal. */
async function storeOtherDeployments(
  conn: mongoose.Connection,
  count: number,
): Promise<() => Promise<void>> {
  const apps = Array.from({ length: 50 }, () => new mongoose.Types.ObjectId());
  const docs = Array.from({ length: count }, (_, i) => ({
    _id: new mongoose.Types.ObjectId(),
    app_id: apps[i % apps.length],
    version: Math.floor(i / apps.length) + 1,
    name: `other ${i}`,
    status: 'successful',
    status_error_message: '',
    origin: 'bench',
    user_id: 'bench',
    draft_id: '',
    deployed_at: new Date(),
  }));
  const deployments = conn.collection('deployments');
  await deployments.insertMany(docs);
  return async () => {
    await deployments.deleteMany({ app_id: { $in: apps } });
  };
}

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
        const grownLabel = `ours, ${OTHER_DEPLOYMENTS.toLocaleString('en-US')} more deployments stored`;
        const removeOthers = await storeOtherDeployments(ctx.deps.conn, OTHER_DEPLOYMENTS);
        let grown: LoadResult | undefined;
        try {
          [grown] = await measureAlternating(
            [{ label: grownLabel, url, headers: { Authorization: admin.auth } }],
            ctx.settings,
          );
        } finally {
          await removeOthers();
        }
        if (!grown) throw new Error('missing results');
        const rows = [
          loadRow(targets[0]?.label ?? '', base),
          loadRow(targets[1]?.label ?? '', ours),
          loadRow(grownLabel, grown),
        ];
        console.log(
          `\nauth-providers-read: ${body.length}-byte JSON body (${count} providers), ` +
            `medians of ${ctx.settings.rounds} run(s)\n`,
        );
        printTable(['target', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors'], rows);
        console.log(`\nratio ours/baseline (req/s): ${ratio.toFixed(3)}`);
        console.log(
          `ratio with ${OTHER_DEPLOYMENTS.toLocaleString('en-US')} more deployments / without ` +
            `(req/s): ${(grown.rps / ours.rps).toFixed(3)}`,
        );
        const failed = ours.non2xx + ours.errors + base.non2xx + base.errors;
        if (failed + grown.non2xx + grown.errors > 0) {
          console.error(
            `\nINVALID MEASUREMENT: non-2xx ours=${ours.non2xx} (grown ${grown.non2xx}) ` +
              `baseline=${base.non2xx}, errors ours=${ours.errors} (grown ${grown.errors}) ` +
              `baseline=${base.errors}`,
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

/**
 * A realistic app built through the Admin API: the eight auth provider types with valid configs,
 * 200 functions (300-800 byte sources), 50 secrets and 50 values (every fifth from a secret).
 * Config writes go into one draft that is deployed at the end, so the app has one deployment.
 */
import { AdminClient, BENCH_GROUP, type Json } from './admin-http';
import {
  DOMAINS,
  functionSource,
  PROVIDER_FUNCTIONS,
  PROVIDER_SECRETS,
  PROVIDERS,
} from './bench-app-content';
import type { BenchContext } from './harness';

export const FUNCTION_COUNT = 200;
export const SECRET_COUNT = 50;
export const VALUE_COUNT = 50;

export interface CreatedApp {
  readonly appId: string;
  /** The app's Admin API path, e.g. `/groups/{g}/apps/{id}`; DELETE it to clean up. */
  readonly path: string;
}

export interface BenchApp extends CreatedApp {
  /** A plain (not from_secret) value, for small edits. */
  readonly value: { readonly _id: string; readonly name: string; readonly private: boolean };
  readonly sourceBytes: { min: number; max: number; mean: number };
  readonly buildMs: number;
}

async function createBenchApp(admin: AdminClient, name: string): Promise<CreatedApp> {
  const app = await admin.json<{ _id: string }>('POST', `/groups/${BENCH_GROUP}/apps`, 201, {
    name,
  });
  return { appId: app._id, path: `/groups/${BENCH_GROUP}/apps/${app._id}` };
}

/** Fills a new app, sequentially (concurrent config writes would race for draft revisions). */
async function populateBenchApp(admin: AdminClient, app: CreatedApp): Promise<BenchApp> {
  const started = performance.now();
  const { path } = app;
  const secretNames = Object.keys(PROVIDER_SECRETS);
  for (let i = secretNames.length; i < SECRET_COUNT; i++) secretNames.push(`secret_${i}`);
  for (const secret of secretNames) {
    const value = PROVIDER_SECRETS[secret] ?? `value-of-${secret}-${'x'.repeat(24)}`;
    await admin.call('POST', `${path}/secrets`, 201, { name: secret, value });
  }

  const draft = await admin.json<{ _id: string }>('POST', `${path}/drafts`, 201);
  const fnNames = [...PROVIDER_FUNCTIONS];
  for (let i = fnNames.length; i < FUNCTION_COUNT; i++) {
    fnNames.push(`${DOMAINS[i % DOMAINS.length] ?? 'misc'}_handler_${i}`);
  }
  const sizes: number[] = [];
  for (const [i, fn] of fnNames.entries()) {
    const source = functionSource(fn, i);
    sizes.push(Buffer.byteLength(source));
    await admin.call('POST', `${path}/functions`, 201, { name: fn, source, private: i % 3 === 0 });
  }
  let plain: BenchApp['value'] | undefined;
  for (let i = 0; i < VALUE_COUNT; i++) {
    const fromSecret = i % 5 === 4;
    const value: Json = fromSecret
      ? (secretNames[secretNames.length - 1 - i] ?? 'secret_49')
      : { endpoint: `https://api${i}.example.com/v1`, retries: i % 4, tags: ['bench', `v${i}`] };
    const body = { name: `value_${i}`, private: i % 2 === 0, from_secret: fromSecret, value };
    const created = await admin.json<BenchApp['value']>('POST', `${path}/values`, 201, body);
    plain ??= fromSecret ? undefined : created;
  }
  for (const provider of PROVIDERS)
    await admin.call('POST', `${path}/auth_providers`, 201, provider);
  const list = await admin.json<{ _id: string; type: string }[]>(
    'GET',
    `${path}/auth_providers`,
    200,
  );
  const apiKey = list.find((p) => p.type === 'api-key');
  if (!apiKey) throw new Error('the api-key provider is missing');
  await admin.call('PUT', `${path}/auth_providers/${apiKey._id}/enable`, 204);
  await admin.call('POST', `${path}/drafts/${draft._id}/deployment`, 201);
  if (!plain) throw new Error('no plain value was created');

  const total = sizes.reduce((a, b) => a + b, 0);
  return {
    ...app,
    value: { _id: plain._id, name: plain.name, private: plain.private },
    sourceBytes: { min: Math.min(...sizes), max: Math.max(...sizes), mean: total / sizes.length },
    buildMs: performance.now() - started,
  };
}

/**
 * Logs in with a new key, builds the app, runs `body`, then deletes the app (its deployments,
 * drafts and secrets go with it) and revokes the key, whatever happened.
 */
export async function withBenchApp<T>(
  ctx: BenchContext,
  name: string,
  body: (admin: AdminClient, app: BenchApp) => Promise<T>,
): Promise<T> {
  const admin = await AdminClient.login(ctx, `bench ${name}`);
  let created: CreatedApp | undefined;
  try {
    console.log(
      `  building the app: 8 auth providers, ${FUNCTION_COUNT} functions, ` +
        `${SECRET_COUNT} secrets, ${VALUE_COUNT} values`,
    );
    created = await createBenchApp(admin, name);
    const app = await populateBenchApp(admin, created);
    const { min, max, mean } = app.sourceBytes;
    console.log(
      `  built in ${(app.buildMs / 1000).toFixed(1)} s; function sources ${min}-${max} bytes ` +
        `(mean ${mean.toFixed(0)})`,
    );
    return await body(admin, app);
  } finally {
    const app = created;
    const cleanup = async () => {
      if (app) await admin.call('DELETE', app.path, 204);
      await admin.revoke(ctx);
    };
    await cleanup().catch((err: unknown) => console.error(`  cleanup failed: ${String(err)}`));
  }
}

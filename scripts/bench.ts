/**
 * Benchmarks, each printed as a ratio to a baseline measured in the same run.
 *
 *   npm run bench                         every section, 10 s runs, 32 connections
 *   npm run bench -- --quick              3 s runs, 10 deploys
 *   npm run bench -- admin-read           one section by name
 *   npm run bench -- deploy               deploy latency (50 deploys; 10 with --quick)
 *   npm run bench -- client-login         logins/refreshes per second vs a driver+jose floor
 *   npm run bench -- functions            user function latency (cold/warm) and creation cost
 *   npm run bench -- config-as-code       export/import of the bench app vs findOne/insertOne
 *   npm run bench -- rules-find           a find under the ThisUser rule (HTTP) vs a driver findOne
 *   npm run bench -- server-memory        the built server's RSS (own process) under login load
 *   npm run bench -- client-password-login  email/password logins vs the same hash + db work
 *   npm run bench -- embedded-db          FerretDB writes with SQLite synchronous FULL vs NORMAL
 *   npm run bench -- client-login-scale   login latency with 10k vs 1M users (long: inserts)
 *
 * BENCH_DURATION (seconds), BENCH_CONNECTIONS and BENCH_ROUNDS override the defaults. The
 * database is MONGODB_URI if set, else the embedded one in a temporary directory.
 *
 * Not sections: `npx tsx scripts/bench/login-queries.ts` lists the database commands of each
 * login flow, timed, with whether FerretDB answers each from an index (see its header), and
 * `scripts/bench/import-queries.ts` those of a config-as-code import of the bench app.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { loadLocalDatabaseConfig } from '../src/config/config';
import { adminReadBench } from './bench/admin-read.bench';
import { authProvidersReadBench } from './bench/auth-providers-read.bench';
import { clientLoginBench } from './bench/client-login.bench';
import { clientLoginScaleBench } from './bench/client-login-scale.bench';
import { clientPasswordLoginBench } from './bench/client-password-login.bench';
import { configAsCodeBench } from './bench/config-as-code.bench';
import { deployBench } from './bench/deploy.bench';
import { embeddedDbBench } from './bench/embedded-db.bench';
import { functionsBench } from './bench/functions.bench';
import { rulesFindBench } from './bench/rules-find.bench';
import { serverMemoryBench } from './bench/server-memory.bench';
import { startBenchEnvironment, type BenchSection, type BenchSettings } from './bench/harness';

/** In the order they run (client-login-scale last: it inserts up to a million users). */
const SECTIONS: readonly BenchSection[] = [
  adminReadBench,
  deployBench,
  authProvidersReadBench,
  clientLoginBench,
  serverMemoryBench,
  clientPasswordLoginBench,
  embeddedDbBench,
  functionsBench,
  configAsCodeBench,
  rulesFindBench,
  clientLoginScaleBench,
];

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
}

function usage(): string {
  const names = SECTIONS.map((s) => `  ${s.name.padEnd(20)} ${s.description}`).join('\n');
  return `usage: npm run bench -- [--quick] [section...]\nsections:\n${names}`;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { quick: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(usage());
    return 0;
  }
  const unknown = positionals.filter((p) => !SECTIONS.some((s) => s.name === p));
  if (unknown.length > 0) {
    console.error(`unknown section(s): ${unknown.join(', ')}\n${usage()}`);
    return 2;
  }
  const selected = positionals.length
    ? SECTIONS.filter((s) => positionals.includes(s.name))
    : SECTIONS;
  const settings: BenchSettings = {
    durationSec: positiveInt('BENCH_DURATION', values.quick ? 3 : 10),
    connections: positiveInt('BENCH_CONNECTIONS', 32),
    warmupSec: 2,
    rounds: positiveInt('BENCH_ROUNDS', 2),
    quick: values.quick === true,
  };

  const env = await startBenchEnvironment((m) => console.error(m));
  const synchronous =
    env.dbKind === 'ferretdb'
      ? ` (SQLite synchronous=${loadLocalDatabaseConfig().sqliteSynchronous}, FERRETDB_SQLITE_SYNCHRONOUS)`
      : '';
  console.log(
    `database: ${env.dbKind}${synchronous}; server: ${env.baseUrl}; ${settings.durationSec} s runs, ` +
      `${settings.connections} connections, ${settings.rounds} round(s)`,
  );
  // Other processes on the machine skew the figures: the load average is printed to judge that.
  const load = () => (os.loadavg()[0] ?? 0).toFixed(2);
  console.log(`machine: ${os.cpus().length} CPUs, load average ${load()} at start`);
  let ok = true;
  try {
    for (const section of selected) {
      console.log(`\n== ${section.name}: ${section.description}`);
      if (
        !(await section.run({ baseUrl: env.baseUrl, deps: env.deps, settings, dbUri: env.dbUri }))
      )
        ok = false;
    }
  } finally {
    console.log(`\nload average ${load()} at end`);
    await env.close();
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);

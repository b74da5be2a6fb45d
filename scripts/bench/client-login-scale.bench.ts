/**
 * Login latency against the number of users: sequential custom-token logins of existing users
 * with 10k users in the app and with many more (1M when the insert fits in about ten minutes on
 * this machine, else the largest size that does; 10k vs 50k with --quick). Users are inserted in
 * bulk; the lookups a login makes are also timed one by one, with their query plans.
 */
import { performance } from 'node:perf_hooks';
import { bulkSub, insertUsers, probeLookups, type Probe } from './client-bulk';
import { clientFixture, mintToken, send, type ClientFixture } from './client-fixture';
import { printTable, type BenchSection } from './harness';

const SMALL = 10_000;
const QUICK_LARGE = 50_000;
const TIMED_SIZE = 100_000;
const FULL_LARGE = 1_000_000;
const INSERT_BUDGET_SEC = 600;
const LOGINS = 300;
const WARMUP_LOGINS = 10;
const WARMUP_BUDGET_MS = 20_000;
const MIN_LOGINS = 3;
const LOGIN_BUDGET_MS = 180_000;
const TARGET_RATIO = 1.2;

interface SizeResult {
  readonly size: number;
  readonly insertSec: number;
  readonly n: number;
  readonly p50: number;
  readonly p99: number;
  readonly probes: Probe[];
}

const pct = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Logins of distinct random users among the first `size`, one at a time: a warm-up (at most
 * WARMUP_LOGINS, stopping after WARMUP_BUDGET_MS), then up to LOGINS timed ones, stopping after
 * LOGIN_BUDGET_MS once at least MIN_LOGINS are timed.
 */
async function sequentialLogins(f: ClientFixture, size: number) {
  const picks = new Set<number>();
  for (let tries = 0; picks.size < LOGINS + WARMUP_LOGINS && tries < 100 * LOGINS; tries++)
    picks.add(Math.floor(Math.random() * size));
  const tokens = await Promise.all([...picks].map((i) => mintToken(f, bulkSub(i))));
  const warmupEnd = performance.now() + WARMUP_BUDGET_MS;
  for (const token of tokens.splice(0, WARMUP_LOGINS)) {
    await send(f.loginUrl, 'POST', { token }, 200);
    if (performance.now() > warmupEnd) break;
  }
  const deadline = performance.now() + LOGIN_BUDGET_MS;
  const times: number[] = [];
  for (const token of tokens) {
    if (times.length >= MIN_LOGINS && performance.now() > deadline) break;
    const t0 = performance.now();
    await send(f.loginUrl, 'POST', { token }, 200);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { n: times.length, p50: pct(times, 0.5), p99: pct(times, 0.99) };
}

export const clientLoginScaleBench: BenchSection = {
  name: 'client-login-scale',
  description: 'sequential custom-token login latency with 10k users vs 1M (or the most that fit)',
  async run(ctx) {
    const f = await clientFixture(ctx, { users: 0, customData: false });
    const db = ctx.deps.conn.getClient().db(ctx.deps.conn.name);
    const results: SizeResult[] = [];
    let inserted = 0;
    let insertSec = 0;
    const growTo = async (size: number) => {
      const t0 = performance.now();
      await insertUsers(db, f, inserted, size);
      insertSec += (performance.now() - t0) / 1000;
      inserted = size;
      console.log(`  ${fmt(size)} users inserted (${insertSec.toFixed(1)} s of inserts so far)`);
    };
    const measure = async () => {
      console.log(`  measuring with ${fmt(inserted)} users`);
      const logins = await sequentialLogins(f, inserted);
      const probes = await probeLookups(db, f, inserted, 30, 20_000);
      results.push({ size: inserted, insertSec, ...logins, probes });
    };
    let note = '';
    await growTo(SMALL);
    await measure();
    if (ctx.settings.quick) {
      await growTo(QUICK_LARGE);
      await measure();
    } else {
      await growTo(TIMED_SIZE);
      await measure();
      const perUserSec = insertSec / TIMED_SIZE;
      const projected = perUserSec * FULL_LARGE;
      const fits = Math.floor(INSERT_BUDGET_SEC / perUserSec / 50_000) * 50_000;
      const large = Math.min(FULL_LARGE, fits);
      note =
        `inserting 100k users took ${insertSec.toFixed(1)} s; 1M would take about ` +
        `${projected.toFixed(0)} s (budget ${INSERT_BUDGET_SEC} s)` +
        (large < FULL_LARGE
          ? `: 1M NOT measured, largest size run ${fmt(Math.max(large, TIMED_SIZE))}`
          : '');
      if (large > TIMED_SIZE) {
        await growTo(large);
        await measure();
      }
    }
    const small = results[0];
    const big = results[results.length - 1];
    if (!small || !big) throw new Error('missing results');
    console.log(
      `\nclient-login-scale: sizes measured: ${results.map((r) => fmt(r.size)).join(', ')}`,
    );
    if (note) console.log(note);
    console.log('');
    printTable(
      ['users in app', 'inserts s (total)', 'logins timed', 'p50 ms', 'p99 ms'],
      results.map((r) => [
        fmt(r.size),
        r.insertSec.toFixed(1),
        String(r.n),
        r.p50.toFixed(2),
        r.p99.toFixed(2),
      ]),
    );
    console.log('\nlookups one by one (median ms, driver straight to the database):\n');
    printTable(
      ['lookup', ...results.map((r) => `${fmt(r.size)} users`), 'plan (largest)'],
      (big.probes ?? []).map((p, i) => [
        p.lookup,
        ...results.map((r) => `${(r.probes[i]?.p50 ?? NaN).toFixed(2)} (n=${r.probes[i]?.n ?? 0})`),
        p.plan,
      ]),
    );
    const ratio50 = big.p50 / small.p50;
    const ratio99 = big.p99 / small.p99;
    console.log(
      `\nratio ${fmt(big.size)}/${fmt(small.size)} users: p50 ${ratio50.toFixed(2)}x, p99 ${ratio99.toFixed(2)}x` +
        `  target <= ${TARGET_RATIO}x  ${ratio50 <= TARGET_RATIO ? 'PASS' : 'ABOVE TARGET'} (p50)`,
    );
    return true;
  },
};

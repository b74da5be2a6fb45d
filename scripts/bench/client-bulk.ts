/**
 * Bulk users for the login scale benchmark, inserted directly into `users` and `identity_claims`
 * in the shapes of src/runtime/users/user.model.ts (claims with their derived `_id`s), and timed
 * probes of the lookups a login and a refresh make, with what the database says about how it runs
 * them (explain).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ObjectId, type Db, type Document } from 'mongodb';
import { identityClaimId } from '../../src/domain/users/user.model';
import type { ClientFixture } from './client-fixture';

const BATCH = 1000;

/** Bulk user ids are made from the index (a per-run prefix, then i), so no lookup finds them. */
const ID_PREFIX = randomBytes(4).toString('hex');
export const bulkUserId = (i: number): ObjectId =>
  new ObjectId(`${ID_PREFIX}${i.toString(16).padStart(16, '0')}`);
export const bulkSub = (i: number): string => `bulk-user-${i}`;

/** Users `from` .. `to - 1` of the app, in batches; the two collections are written side by side. */
export async function insertUsers(db: Db, f: ClientFixture, from: number, to: number) {
  const appId = new ObjectId(f.appId);
  const now = new Date();
  for (let start = from; start < to; start += BATCH) {
    const users: Document[] = [];
    const claims: Document[] = [];
    for (let i = start; i < Math.min(to, start + BATCH); i++) {
      const _id = bulkUserId(i);
      const sub = bulkSub(i);
      users.push({
        _id,
        app_id: appId,
        type: 'normal',
        data: {},
        identities: [
          { id: sub, provider_type: 'custom-token', provider_id: f.providerId, provider_data: {} },
        ],
        disabled: false,
        creation_date: now,
        last_authentication_date: now,
      });
      claims.push({
        _id: identityClaimId(f.appId, 'custom-token', sub),
        app_id: appId,
        provider_type: 'custom-token',
        external_id: sub,
        user_id: _id,
        created_at: now,
      });
    }
    await Promise.all([
      db.collection('users').insertMany(users, { ordered: false }),
      db.collection('identity_claims').insertMany(claims, { ordered: false }),
    ]);
  }
}

export interface Probe {
  readonly lookup: string;
  readonly p50: number;
  readonly n: number;
  /** From explain: a collection scan, and whether the filter was pushed down to the storage. */
  readonly plan: string;
}

function planOf(explain: Document): string {
  const plan = JSON.stringify(explain.queryPlanner ?? {});
  const kind = plan.includes('COLLSCAN')
    ? 'scan'
    : /IXSCAN|IDHACK|EXPRESS|USING/.test(plan)
      ? 'index'
      : plan.includes('SCAN')
        ? 'scan'
        : '?';
  const pushdown =
    explain.filterPushdown === undefined ? '' : `, pushdown ${String(explain.filterPushdown)}`;
  return `${kind}${pushdown}`;
}

/**
 * Each lookup up to `count` times (stopping once `budgetMs` have passed, after at least one) for
 * random users among the first `size`: the median time and the plan. The lookups are the server's
 * (each by `_id` alone), and the one it makes only for claims written before their `_id`s were
 * derived (by the claim's fields), for comparison.
 */
export async function probeLookups(
  db: Db,
  f: ClientFixture,
  size: number,
  count: number,
  budgetMs: number,
): Promise<Probe[]> {
  const appId = new ObjectId(f.appId);
  const session = await db.collection('user_sessions').findOne({ app_id: appId });
  type Lookup = [string, string, (i: number) => Document];
  const all: Lookup[] = [
    [
      'identity claim (_id)',
      'identity_claims',
      (i) => ({ _id: identityClaimId(f.appId, 'custom-token', bulkSub(i)) }),
    ],
    [
      'identity claim (app, type, external id): older claims only',
      'identity_claims',
      (i) => ({ app_id: appId, provider_type: 'custom-token', external_id: bulkSub(i) }),
    ],
    ['user (_id)', 'users', (i) => ({ _id: bulkUserId(i) })],
    ['session (_id)', 'user_sessions', () => ({ _id: session?._id })],
  ];
  const lookups = session ? all : all.filter(([, coll]) => coll !== 'user_sessions');
  const picks = Array.from({ length: count }, () => Math.floor(Math.random() * size));
  const probes: Probe[] = [];
  for (const [lookup, coll, filterFor] of lookups) {
    const times: number[] = [];
    const deadline = performance.now() + budgetMs;
    for (const i of picks) {
      if (times.length > 0 && performance.now() > deadline) break;
      const t0 = performance.now();
      const found = await db.collection(coll).findOne(filterFor(i));
      times.push(performance.now() - t0);
      if (!found) throw new Error(`${lookup}: not found`);
    }
    times.sort((a, b) => a - b);
    const explain = await db
      .collection(coll)
      .find(filterFor(picks[0] ?? 0))
      .limit(1)
      .explain();
    probes.push({
      lookup,
      p50: times[Math.floor(times.length / 2)] ?? NaN,
      n: times.length,
      plan: planOf(explain),
    });
  }
  return probes;
}

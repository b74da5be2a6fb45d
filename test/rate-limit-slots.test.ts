import { RateLimitedError } from '../src/errors/app-error';
import { connectDatabase } from '../src/db/connection';
import { createLogger } from '../src/logging/logger';
import { rateLimitSlotModel } from '../src/domain/rate-limits/rate-limit-slot.model';
import { RateLimitSlots } from '../src/domain/rate-limits/rate-limit-slots';
import { WindowLimiter } from '../src/domain/rate-limits/window-limiter';
import { testDatabaseUri } from './helpers/test-server';

const dbName = `t_rl_${process.pid}`;
let conn: Awaited<ReturnType<typeof connectDatabase>>;
let nowMs = 1_700_000_000_000;
const now = () => new Date(nowMs);
let slots: RateLimitSlots;

beforeAll(async () => {
  conn = await connectDatabase(testDatabaseUri(), dbName);
  slots = new RateLimitSlots(rateLimitSlotModel(conn), createLogger('silent'), now);
});
afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
});

/** Two limiters on one store stand for two server processes. */
const twoProcesses = (points: number) =>
  [0, 1].map(() => new WindowLimiter('test', points, 60, slots, now));

it('concurrent attempts from two processes: exactly the limit is admitted (no lost counts)', async () => {
  const [a, b] = twoProcesses(7);
  const results = await Promise.allSettled(
    Array.from({ length: 40 }, (_, i) => (i % 2 ? a! : b!).take('one-key')),
  );
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(7);
  const refused = results.filter((r) => r.status === 'rejected');
  expect(refused).toHaveLength(33);
  for (const r of refused) expect(r.reason).toBeInstanceOf(RateLimitedError);
});

it('a slot given back can be taken again, from the other process', async () => {
  const [a, b] = twoProcesses(2);
  const first = await a!.take('k2');
  await b!.take('k2');
  await a!.release(first);
  await b!.take('k2');
  await expect(a!.take('k2')).rejects.toBeInstanceOf(RateLimitedError);
});

it('clearing frees the key for both processes; a new window starts from zero', async () => {
  const [a, b] = twoProcesses(3);
  await a!.take('k3');
  await b!.take('k3');
  const lease = await a!.take('k3');
  await expect(b!.take('k3')).rejects.toBeInstanceOf(RateLimitedError);
  await a!.clear(lease);
  for (let i = 0; i < 3; i++) await a!.take('k3');
  await expect(a!.take('k3')).rejects.toBeInstanceOf(RateLimitedError);
  nowMs += 60_000;
  await b!.take('k3');
});

it('the sweep deletes the slots of ended windows only', async () => {
  const [a] = twoProcesses(5);
  await a!.take('old');
  nowMs += 60_000;
  await a!.take('current');
  const ids = async () =>
    (await rateLimitSlotModel(conn).find({}, { _id: 1 }).lean()).map((d) => d._id);
  const before = (await ids()).length;
  expect(await slots.sweep()).toBeGreaterThanOrEqual(1);
  const after = await ids();
  expect(after.length).toBeLessThan(before);
  expect(after.every((id) => Number(id.split('|')[0]) + 60_000 > nowMs)).toBe(true);
});

/**
 * Email/password logins of existing users (custom user data on) through the whole server, next
 * to a floor that does the same argon2id verification (the server's own function and stored
 * hashes) and the same database work with the driver and jose only: the account by `_id`, a
 * rate-limit slot inserted and deleted (the per-account limit), the claim and the user, the
 * user's write (which the server now skips when nothing changed; the floor keeps it), the custom
 * data, the session, two RS256 signatures. The hash costs the same on both sides, so the ratio
 * measures everything else.
 */
import { CLIENT, clientFixture, CUSTOM_DATA_COLLECTION, send } from './client-fixture';
import { startFloor } from './client-floor';
import { concurrentLoops } from './loops';
import {
  measureAlternating,
  loadRow,
  printTable,
  type BenchSection,
  type LoadTarget,
} from './harness';

const TARGET_RATIO = 0.7;
const PASSWORD = 'bench-password-1';

export const clientPasswordLoginBench: BenchSection = {
  name: 'client-password-login',
  description:
    'email/password logins of existing users vs a floor doing the same argon2id verify and database work',
  async run(ctx) {
    const count = ctx.settings.quick ? 20 : 50;
    console.log(`  setting up: app, email/password provider, custom user data, ${count} users`);
    const f = await clientFixture(ctx, { users: 0, customData: true, userpass: true });
    const providers = `${ctx.baseUrl}${CLIENT}/app/${f.clientAppId}/auth/providers/local-userpass`;
    const emails = Array.from({ length: count }, (_, i) => `bench-${i}@example.com`);
    const userIds: string[] = [];
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < count; i = next++) {
        const email = emails[i] ?? '';
        await send(`${providers}/register`, 'POST', { email, password: PASSWORD }, 201);
        const body = await send(
          `${providers}/login`,
          'POST',
          { username: email, password: PASSWORD },
          200,
        );
        userIds[i] = (JSON.parse(body) as { user_id: string }).user_id;
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    await ctx.deps.conn
      .getClient()
      .db(ctx.deps.conn.name)
      .collection(CUSTOM_DATA_COLLECTION)
      .insertMany(userIds.map((user_id, i) => ({ user_id, display_name: `Bench User ${i}` })));

    const floor = await startFloor(ctx, f);
    try {
      await floor.passwordLogin(emails[0] ?? '', PASSWORD);
      const pick = (i: number) => emails[i % emails.length] ?? '';
      const targets: LoadTarget[] = [
        {
          label: 'ours: email/password login (HTTP)',
          url: `${providers}/login`,
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          cycle: emails.map((username) => ({
            body: JSON.stringify({ username, password: PASSWORD }),
          })),
        },
        {
          label: 'floor: same hash + database work (driver)',
          url: '',
          run: (sec, conns) =>
            concurrentLoops((i) => floor.passwordLogin(pick(i), PASSWORD), sec, conns),
        },
      ];
      const [ours, base] = await measureAlternating(targets, ctx.settings);
      if (!ours || !base) throw new Error('missing results');
      const { connections, rounds } = ctx.settings;
      console.log(
        `\nclient-password-login: ${count} users, ${connections} connections/loops, medians of ${rounds} run(s)\n`,
      );
      printTable(
        ['target', 'ops/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors'],
        [loadRow(targets[0]?.label ?? '', ours), loadRow(targets[1]?.label ?? '', base)],
      );
      const ratio = ours.rps / base.rps;
      console.log(
        `\nratio ours/floor (logins/s): ${ratio.toFixed(3)}  target >= ${TARGET_RATIO}  ` +
          `${ratio >= TARGET_RATIO ? 'PASS' : 'BELOW TARGET'}`,
      );
      console.log(
        `p99 at ${connections} clients: ${ours.p99.toFixed(1)} ms (floor ${base.p99.toFixed(1)})`,
      );
      if (ours.non2xx + ours.errors + base.non2xx + base.errors > 0) {
        console.error('\nINVALID MEASUREMENT: some runs had non-2xx responses or errors');
        return false;
      }
      return true;
    } finally {
      await floor.close();
    }
  },
};

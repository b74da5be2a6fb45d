/**
 * A user's `find` of their own custom user data document under seed 000's ThisUser rule, as
 * realm-web sends it (`POST …/functions/call` with `service: "mongodb-atlas"`, canonical
 * Extended JSON), next to the same `findOne` through the driver (the floor: no HTTP, no token,
 * no rules). Each of the users owns one document; requests cycle through them. A third target
 * adds to the floor the two lookups by _id (the session and the user) that every authenticated
 * Client API request makes, to show what of the gap is the rules path and what is authentication.
 */
import { randomBytes } from 'node:crypto';
import { ObjectId } from 'mongodb';
import { AdminClient, BENCH_GROUP } from './admin-http';
import { CLIENT, clientFixture, mintToken, send } from './client-fixture';
import { concurrentLoops } from './loops';
import { loadRow, measureAlternating, printTable, type BenchSection } from './harness';

const USERS = 50;
const TARGET_RATIO = 0.5;
const CLUSTER = { clusterName: 'Cluster0', readPreference: 'primary', wireProtocolEnabled: false };

export const rulesFindBench: BenchSection = {
  name: 'rules-find',
  description: `a user's find of their own document under the ThisUser rule (HTTP, realm-web's request) vs a driver findOne`,
  async run(ctx) {
    console.log(`  setting up: app, data source, ThisUser rule, ${USERS} users and documents`);
    const f = await clientFixture(ctx, { users: 0, customData: false });
    const admin = await AdminClient.login(ctx, 'bench rules-find');
    const database = `benchrules_${randomBytes(4).toString('hex')}`;
    const coll = ctx.deps.conn.getClient().db(database).collection('users');
    try {
      const path = `/groups/${BENCH_GROUP}/apps/${f.appId}`;
      const service = await admin.json<{ _id: string }>('POST', `${path}/services`, 201, {
        name: 'mongodb-atlas',
        type: 'mongodb-atlas',
        config: CLUSTER,
      });
      await admin.call('POST', `${path}/services/${service._id}/rules`, 201, {
        database,
        collection: 'users',
        roles: [
          {
            name: 'ThisUser',
            apply_when: { user_id: '%%user.id' },
            insert: false,
            read: true,
            write: true,
            search: false,
            delete: false,
          },
        ],
        filters: [],
      });
      const users: { userId: string; accessToken: string; sessionId: string }[] = [];
      for (let i = 0; i < USERS; i++) {
        const token = await mintToken(f, `rules-user-${i}`);
        const body = JSON.parse(await send(f.loginUrl, 'POST', { token }, 200)) as {
          user_id: string;
          access_token: string;
        };
        const claims = JSON.parse(
          Buffer.from(body.access_token.split('.')[1] ?? '', 'base64url').toString(),
        ) as { sid: string };
        users.push({ userId: body.user_id, accessToken: body.access_token, sessionId: claims.sid });
      }
      await coll.insertMany(
        users.map((u, i) => ({
          user_id: u.userId,
          favorite_color: ['blue', 'green', 'red'][i % 3],
          plan: 'pro',
          visits: i,
        })),
      );
      const callUrl = `${ctx.baseUrl}${CLIENT}/app/${f.clientAppId}/functions/call`;
      const bodyFor = (userId: string) =>
        JSON.stringify({
          name: 'find',
          service: 'mongodb-atlas',
          arguments: [{ database, collection: 'users', query: { user_id: userId } }],
        });
      // Both must answer the one document before they are timed.
      const first = users[0];
      if (!first) throw new Error('no users');
      const answer = await send(
        callUrl,
        'POST',
        JSON.parse(bodyFor(first.userId)),
        200,
        `Bearer ${first.accessToken}`,
      );
      if ((JSON.parse(answer) as unknown[]).length !== 1)
        throw new Error(`unexpected answer ${answer}`);
      if (!(await coll.findOne({ user_id: first.userId }))) throw new Error('floor found nothing');

      const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
      const server = ctx.deps.conn.getClient().db(ctx.deps.conn.name);
      const [ours, floor, authFloor] = await measureAlternating(
        [
          {
            label: 'ours: find under ThisUser (HTTP)',
            url: callUrl,
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            cycle: users.map((u) => ({
              body: bodyFor(u.userId),
              headers: { Authorization: `Bearer ${u.accessToken}` },
            })),
          },
          {
            label: 'floor: findOne (driver)',
            url: '',
            run: (sec, conns) =>
              concurrentLoops(
                async (i) => {
                  await coll.findOne({ user_id: pick(users, i).userId });
                },
                sec,
                conns,
              ),
          },
          {
            // What any authenticated request does first: its session and user, by _id.
            label: 'floor + session and user lookups',
            url: '',
            run: (sec, conns) =>
              concurrentLoops(
                async (i) => {
                  const u = pick(users, i);
                  await Promise.all([
                    server.collection('user_sessions').findOne({ _id: new ObjectId(u.sessionId) }),
                    server.collection('users').findOne({ _id: new ObjectId(u.userId) }),
                  ]);
                  await coll.findOne({ user_id: u.userId });
                },
                sec,
                conns,
              ),
          },
        ],
        ctx.settings,
      );
      if (!ours || !floor || !authFloor) throw new Error('missing results');
      console.log(
        `\nrules-find: ${USERS} users, ${ctx.settings.connections} connections/loops, medians of ${ctx.settings.rounds} run(s)\n`,
      );
      printTable(
        ['target', 'ops/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors'],
        [
          loadRow('ours: find under ThisUser (HTTP)', ours, 0),
          loadRow('floor: findOne (driver)', floor, 0),
          loadRow('floor + session and user lookups', authFloor, 0),
        ],
      );
      const ratio = ours.rps / floor.rps;
      console.log(
        `\nratio ours/floor (finds/s): ${ratio.toFixed(3)}  target >= ${TARGET_RATIO}  ${ratio >= TARGET_RATIO ? 'PASS' : 'BELOW TARGET'}`,
      );
      console.log(
        `ratio ours/(floor + the session and user lookups every authenticated request makes): ${(ours.rps / authFloor.rps).toFixed(3)}`,
      );
      if (ours.non2xx + ours.errors + floor.errors + authFloor.errors > 0) {
        console.error('\nINVALID MEASUREMENT: some runs had non-2xx responses or errors');
        return false;
      }
      return true;
    } finally {
      await coll.db.dropDatabase();
      await admin.revoke(ctx);
    }
  },
};

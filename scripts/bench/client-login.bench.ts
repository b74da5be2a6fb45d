/**
 * Client API logins and refreshes per second: custom-token (HS256) logins of existing users and
 * session refreshes, with custom user data on, through the whole server (HTTP, validation, rate
 * limiter, providers, user directory, token service), next to a floor doing the same database
 * operations and JWT work with the driver and jose only. Reported as ratios ours/floor. The
 * server's memory under this load is measured on the server alone, by server-memory.bench.ts.
 */
import { clientFixture, mintToken } from './client-fixture';
import { startFloor } from './client-floor';
import { concurrentLoops } from './loops';
import {
  measureAlternating,
  loadRow,
  printTable,
  type BenchSection,
  type LoadTarget,
} from './harness';

const USERS = 200;
const TARGET_RATIO = 0.7;
/** p99 at full concurrency may be at most this multiple of the floor's. */
const P99_FACTOR = 1.5;

export const clientLoginBench: BenchSection = {
  name: 'client-login',
  description: `custom-token logins and refreshes of ${USERS} existing users (custom user data on) vs a driver+jose floor`,
  async run(ctx) {
    console.log(`  setting up: app, provider, custom user data, ${USERS} users logged in once`);
    const f = await clientFixture(ctx, { users: USERS, customData: true });
    const tokens = await Promise.all(f.users.map((u) => mintToken(f, u.sub)));
    const floor = await startFloor(ctx, f);
    try {
      // The floor must succeed on the same data before it is timed.
      await floor.login(tokens[0] ?? '');
      await floor.refresh(f.users[0]?.refreshToken ?? '');
      const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
      const json = { 'Content-Type': 'application/json' };
      const login: LoadTarget[] = [
        {
          label: 'ours: login (HTTP)',
          url: f.loginUrl,
          method: 'POST',
          headers: json,
          cycle: tokens.map((token) => ({ body: JSON.stringify({ token }) })),
        },
        {
          label: 'floor: login (driver+jose)',
          url: '',
          run: (sec, conns) => concurrentLoops((i) => floor.login(pick(tokens, i)), sec, conns),
        },
      ];
      const refreshTokens = f.users.map((u) => u.refreshToken);
      const refresh: LoadTarget[] = [
        {
          label: 'ours: refresh (HTTP)',
          url: f.refreshUrl,
          method: 'POST',
          cycle: refreshTokens.map((t) => ({ headers: { Authorization: `Bearer ${t}` } })),
        },
        {
          label: 'floor: refresh (driver+jose)',
          url: '',
          run: (sec, conns) =>
            concurrentLoops((i) => floor.refresh(pick(refreshTokens, i)), sec, conns),
        },
      ];
      const [oursLogin, floorLogin] = await measureAlternating(login, ctx.settings);
      const [oursRefresh, floorRefresh] = await measureAlternating(refresh, ctx.settings);
      if (!oursLogin || !floorLogin || !oursRefresh || !floorRefresh)
        throw new Error('missing results');
      const { connections, rounds } = ctx.settings;
      console.log(
        `\nclient-login: ${USERS} users, ${connections} connections/loops, medians of ${rounds} run(s)\n`,
      );
      printTable(
        ['target', 'ops/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors'],
        [
          loadRow(login[0]?.label ?? '', oursLogin),
          loadRow(login[1]?.label ?? '', floorLogin),
          loadRow(refresh[0]?.label ?? '', oursRefresh),
          loadRow(refresh[1]?.label ?? '', floorRefresh),
        ],
      );
      const ratios = [
        ['login', oursLogin.rps / floorLogin.rps],
        ['refresh', oursRefresh.rps / floorRefresh.rps],
      ] as const;
      console.log('');
      for (const [what, ratio] of ratios) {
        const verdict = ratio >= TARGET_RATIO ? 'PASS' : 'BELOW TARGET';
        console.log(
          `ratio ours/floor (${what}/s): ${ratio.toFixed(3)}  target >= ${TARGET_RATIO}  ${verdict}`,
        );
      }
      for (const [what, ours, base] of [
        ['login', oursLogin, floorLogin],
        ['refresh', oursRefresh, floorRefresh],
      ] as const) {
        const factor = ours.p99 / base.p99;
        console.log(
          `p99 at ${connections} clients (${what}): ${ours.p99.toFixed(1)} ms, floor ` +
            `${base.p99.toFixed(1)} ms: ×${factor.toFixed(2)}  target <= ×${P99_FACTOR}  ` +
            `${factor <= P99_FACTOR ? 'PASS' : 'ABOVE TARGET'}`,
        );
      }
      const bad = [oursLogin, floorLogin, oursRefresh, floorRefresh].filter(
        (r) => r.non2xx + r.errors > 0,
      );
      if (bad.length > 0) {
        console.error('\nINVALID MEASUREMENT: some runs had non-2xx responses or errors');
        return false;
      }
      return true;
    } finally {
      await floor.close();
    }
  },
};

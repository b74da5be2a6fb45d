/**
 * The database commands each Client API login flow makes, one request at a time, each timed and
 * marked with whether FerretDB v1 can answer its filter from an index (only a filter that is
 * `_id` alone, a string or ObjectId, can be; everything else scans the collection):
 *
 *   NODE_OPTIONS=--no-node-snapshot npx tsx scripts/bench/login-queries.ts
 *
 * The database is MONGODB_URI if set, else the embedded one in a temporary directory (the marks
 * are FerretDB's rule either way). One app with every login provider the server runs and custom
 * user data on; each flow runs twice to warm the caches, then once recorded.
 */
import { rolesFor } from '../../src/domain/admins/admin-key.service';
import { CLIENT, clientFixture, GROUP, mintToken, send } from './client-fixture';
import { printCommands, startMonitoredServer } from './command-log';

interface Flow {
  name: string;
  /** Runs before each recorded run, unrecorded (e.g. a login whose session a logout ends). */
  prepare?: () => Promise<string>;
  run: (prepared: string) => Promise<unknown>;
}

async function main(): Promise<void> {
  const { ctx, log, close } = await startMonitoredServer();
  const { baseUrl, deps } = ctx;
  try {
    const f = await clientFixture(ctx, { users: 1, customData: true });
    const key = await deps.adminKeys.create(rolesFor('org'), 'login-queries');
    const adminToken = (
      JSON.parse(
        await send(
          `${baseUrl}/api/admin/v3.0/auth/providers/mongodb-cloud/login`,
          'POST',
          { username: key.publicKey, apiKey: key.privateKey },
          200,
        ),
      ) as { access_token: string }
    ).access_token;
    const admin = (p: string, method: string, body: unknown, expected: number) =>
      send(
        `${baseUrl}/api/admin/v3.0/groups/${GROUP}/apps/${f.appId}${p}`,
        method,
        body,
        expected,
        `Bearer ${adminToken}`,
      );
    const providers = JSON.parse(await admin('/auth_providers', 'GET', undefined, 200)) as {
      _id: string;
      type: string;
    }[];
    for (const type of ['anon-user', 'api-key']) {
      const found = providers.find((p) => p.type === type);
      if (found) await admin(`/auth_providers/${found._id}/enable`, 'PUT', undefined, 204);
      else await admin('/auth_providers', 'POST', { name: type, type, disabled: false }, 201);
    }
    const userpassConfig = {
      autoConfirm: true,
      resetPasswordUrl: 'https://example.com/reset',
      resetPasswordSubject: 'Reset',
    };
    await admin(
      '/auth_providers',
      'POST',
      { name: 'local-userpass', type: 'local-userpass', disabled: false, config: userpassConfig },
      201,
    );

    const appUrl = `${baseUrl}${CLIENT}/app/${f.clientAppId}/auth/providers`;
    const sessionUrl = `${baseUrl}${CLIENT}/auth/session`;
    const credentials = { username: 'someone@example.com', password: 'secret1' };
    await send(
      `${appUrl}/local-userpass/register`,
      'POST',
      { email: credentials.username, password: credentials.password },
      201,
    );
    const userpassLogin = async () =>
      JSON.parse(await send(`${appUrl}/local-userpass/login`, 'POST', credentials, 200)) as {
        access_token: string;
        refresh_token: string;
      };
    const tokens = await userpassLogin();
    const apiKey = (
      JSON.parse(
        await send(
          `${baseUrl}${CLIENT}/auth/api_keys`,
          'POST',
          { name: 'k' },
          201,
          `Bearer ${tokens.refresh_token}`,
        ),
      ) as { key: string }
    ).key;
    let newSub = 0;
    const flows: Flow[] = [
      { name: 'anonymous login', run: () => send(`${appUrl}/anon-user/login`, 'POST', {}, 200) },
      { name: 'email/password login', run: userpassLogin },
      {
        name: 'custom-token login, existing user',
        run: async () =>
          send(f.loginUrl, 'POST', { token: await mintToken(f, 'bench-user-0') }, 200),
      },
      {
        name: 'custom-token login, new user',
        prepare: () => mintToken(f, `new-user-${newSub++}`),
        run: (token) => send(f.loginUrl, 'POST', { token }, 200),
      },
      {
        name: 'api-key login',
        run: () => send(`${appUrl}/api-key/login`, 'POST', { key: apiKey }, 200),
      },
      {
        name: 'refresh (POST /auth/session)',
        run: () => send(sessionUrl, 'POST', undefined, 201, `Bearer ${tokens.refresh_token}`),
      },
      {
        name: 'logout (DELETE /auth/session)',
        prepare: async () => (await userpassLogin()).refresh_token,
        run: (refresh) => send(sessionUrl, 'DELETE', undefined, 204, `Bearer ${refresh}`),
      },
    ];
    for (const flow of flows) {
      for (let i = 0; i < 2; i++) await flow.run(flow.prepare ? await flow.prepare() : '');
      const prepared = flow.prepare ? await flow.prepare() : '';
      // App log entries are written in batches after the response: the earlier ones land first.
      await deps.appLogs.flush();
      const { commands, ms } = await log.record(
        () => flow.run(prepared),
        () => deps.appLogs.flush(),
      );
      printCommands(`${flow.name} (app_logs: batched, after the response)`, ms, commands);
    }
  } finally {
    await close();
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

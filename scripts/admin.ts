/**
 * Admin API key management from the command line (works against the same database the server
 * uses: MONGODB_URI, or the embedded default in DATA_DIR, which the server must not be holding).
 *
 *   npm run admin -- create-key --group <groupId> [--desc "..."]
 *   npm run admin -- create-key --org [--desc "..."]
 *   npm run admin -- list-keys
 *   npm run admin -- revoke-key <publicKey>
 */
import { parseArgs } from 'node:util';
import { adminKeyModel } from '../src/domain/admins/admin-key.model';
import { AdminKeyService, rolesFor } from '../src/domain/admins/admin-key.service';
import { adminSessionModel } from '../src/domain/admins/admin-session.model';
import { revokeSessionsOfKey } from '../src/domain/admins/admin-token.service';
import { serverSecretModel } from '../src/domain/server-secrets/server-secret.model';
import { secretsBox } from '../src/domain/server-secrets/server-secrets';
import { loadConfig } from '../src/config/config';
import { connectDatabase } from '../src/db/connection';
import { startDatabaseServer } from '../src/db/database-server';
import { AppError } from '../src/errors/app-error';

const USAGE = `usage:
  npm run admin -- create-key (--group <groupId> | --org) [--desc <text>]
  npm run admin -- list-keys
  npm run admin -- revoke-key <publicKey>`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      group: { type: 'string' },
      org: { type: 'boolean' },
      desc: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const [command, arg] = positionals;
  if (!command || !['create-key', 'list-keys', 'revoke-key'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  if (command === 'create-key' && (values.group === undefined) === (values.org !== true)) {
    console.error('create-key needs exactly one of --group <groupId> or --org\n' + USAGE);
    return 2;
  }
  if (command === 'revoke-key' && !arg) {
    console.error('revoke-key needs the public key\n' + USAGE);
    return 2;
  }

  const config = loadConfig();
  const db = await startDatabaseServer({
    mongodbUri: config.mongodbUri,
    dataDir: config.dataDir,
    local: config.localDatabase,
    log: (m) => console.error(m),
  });
  const conn = await connectDatabase(db.uri, config.mongodbDbName);
  try {
    // The box seals each new key's Digest HA1 (for the public API) as the server would.
    const box = await secretsBox(serverSecretModel(conn), config.secretsEncryptionKey);
    const keys = new AdminKeyService(adminKeyModel(conn), box);
    await adminKeyModel(conn).init();
    if (command === 'create-key') {
      const created = await keys.create(
        rolesFor(values.group !== undefined ? { groupId: values.group } : 'org'),
        values.desc ?? '',
      );
      if (values.json) console.log(JSON.stringify(created));
      else {
        console.log(`public key:  ${created.publicKey}`);
        console.log(`private key: ${created.privateKey}   (shown once: store it now)`);
        console.log(
          `roles:       ${created.roles.map((r) => `${r.role_name}${r.group_id ? ` on ${r.group_id}` : ''}`).join(', ')}`,
        );
      }
    } else if (command === 'list-keys') {
      const list = await keys.list();
      const rows = list.map((k) => ({
        public_key: k.public_key,
        roles: k.roles.map((r) => `${r.role_name}${r.group_id ? `:${r.group_id}` : ''}`).join(','),
        status: k.revoked_at ? 'revoked' : 'active',
        created_at: k.created_at.toISOString(),
        desc: k.desc,
      }));
      if (values.json) console.log(JSON.stringify(rows));
      else console.table(rows);
    } else {
      const revoked = await keys.revoke(arg ?? '');
      // Sessions of a revoked key die with it (the server checks the key on every request too).
      await revokeSessionsOfKey(adminSessionModel(conn), revoked._id, new Date());
      console.log(`revoked ${revoked.public_key}`);
    }
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await conn.close();
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);

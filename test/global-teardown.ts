import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const db = globalThis.__OAS_TEST_DB__;
  if (!db) return;
  await db.server.stop();
  fs.rmSync(db.dataDir, { recursive: true, force: true });
}

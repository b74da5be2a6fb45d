/**
 * The database commands one config-as-code import of the bench app makes (see bench-app.ts), each
 * timed and marked with whether FerretDB v1 can answer its filter from an index (as in
 * login-queries.ts), with the request's total time:
 *
 *   NODE_OPTIONS=--no-node-snapshot npx tsx scripts/bench/import-queries.ts
 *
 * The flows are those of the config-as-code bench: an import that deploys (JSON, then zip) and a
 * `diff=true` import, each of the exported document with one value changed; each runs twice
 * unrecorded first. The database is MONGODB_URI if set, else the embedded one.
 */
import { documentToFiles } from '../../src/admin/config-as-code/app-files';
import type { AppDocument, JsonObject } from '../../src/admin/config-as-code/app-document';
import { zipFiles } from '../../src/admin/config-as-code/zip';
import { withBenchApp } from './bench-app';
import { printCommands, startMonitoredServer } from './command-log';

async function main(): Promise<void> {
  const { ctx, log, close } = await startMonitoredServer();
  try {
    await withBenchApp(ctx, 'importq', async (admin, app) => {
      const auth = { Authorization: admin.auth };
      const pulled = await fetch(admin.url(`${app.path}/pull`), {
        headers: { ...auth, Accept: 'application/json' },
      });
      const doc = (await pulled.json()) as AppDocument;
      let n = 0;
      const changed = (): AppDocument => ({
        ...doc,
        values: (doc.values ?? []).map((v): JsonObject =>
          v.name === app.value.name ? { ...v, value: { import: (n += 1) } } : v,
        ),
      });
      const post = async (query: string, type: string, body: string | Uint8Array) => {
        const res = await fetch(admin.url(`${app.path}/import?${query}`), {
          method: 'POST',
          headers: { ...auth, 'Content-Type': type },
          body,
        });
        if (res.status !== (query.includes('diff') ? 200 : 204)) {
          throw new Error(`import: ${res.status} ${await res.text()}`);
        }
      };
      const flows: [string, () => Promise<void>][] = [
        [
          'import (JSON, deploys)',
          () => post('strategy=replace-by-name', 'application/json', JSON.stringify(changed())),
        ],
        [
          'import (zip, deploys)',
          () =>
            post(
              'strategy=replace-by-name',
              'application/zip',
              zipFiles(documentToFiles(changed())),
            ),
        ],
        [
          'import diff=true (JSON)',
          () =>
            post(
              'strategy=replace-by-name&diff=true',
              'application/json',
              JSON.stringify(changed()),
            ),
        ],
      ];
      for (const [name, run] of flows) {
        for (let i = 0; i < 2; i++) await run();
        const { commands, ms } = await log.record(run);
        printCommands(name, ms, commands);
      }
    });
  } finally {
    await close();
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

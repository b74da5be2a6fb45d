import { deflateRawSync } from 'node:zlib';
import { zipSync, type Zippable } from 'fflate';
import { ownersSuite } from './helpers/suites';
import { exportZip, filesOf, importZip } from './helpers/config-as-code';
import { zipDirectory } from './helpers/app-directory';
import { managedFiles } from './helpers/export-compare';
import { FIXTURE_FILES, addFixtureSecrets } from './helpers/fixture-app';
import { rawZip, type RawEntry } from './helpers/raw-zip';

/** Uploaded zips: what is not a zip, bombs, too many files, bad names and text, folders. */
const t = ownersSuite();

const text = (s: string) => new TextEncoder().encode(s);
const fixtureEntries = (): RawEntry[] =>
  [...FIXTURE_FILES].map(([name, content]) => ({ name, content: text(content) }));

async function expectRefused(zip: Uint8Array, status: number, error: RegExp): Promise<void> {
  const res = await importZip(t.srv, t.ownerA.auth, t.base, zip);
  expect({ status: res.status, error: (res.body as { error?: string }).error }).toEqual({
    status,
    error: expect.stringMatching(error),
  });
}

describe('an uploaded zip', () => {
  beforeEach(() => addFixtureSecrets(t.srv, t.ownerA, t.base));

  it('that is not a zip is refused (400)', async () => {
    await expectRefused(text('realm_config.json'), 400, /not a readable zip archive/);
    await expectRefused(zipSync({ 'a.txt': text('x') }).subarray(0, 40), 400, /not a readable zip/);
  });

  it('with an entry declaring a huge size is refused before anything is inflated (413)', async () => {
    const entries = fixtureEntries();
    entries.push({
      name: 'values/big.json',
      deflated: deflateRawSync(text('{}')),
      declaredSize: 0xfffffff0,
    });
    await expectRefused(rawZip(entries), 413, /more than \d+ bytes uncompressed/);
  });

  it('with an entry that inflates beyond the size it declares is refused, not truncated', async () => {
    // 64 MiB of zeros (beyond the 32 MiB an import may hold) declared as 100 bytes.
    const bomb = deflateRawSync(Buffer.alloc(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const entries = fixtureEntries();
    entries.push({ name: 'values/zeros.json', deflated: bomb, declaredSize: 100 });
    const started = Date.now();
    await expectRefused(rawZip(entries), 400, /^values\/zeros\.json: .*larger than the \d+ bytes/);
    expect(Date.now() - started).toBeLessThan(5000);
    // And one declaring more than it holds.
    entries.pop();
    entries.push({
      name: 'values/short.json',
      deflated: deflateRawSync(text('{}')),
      declaredSize: 10,
    });
    await expectRefused(rawZip(entries), 400, /^values\/short\.json: .*smaller than the 10 bytes/);
  });

  it('with more than 10,000 files is refused (413)', async () => {
    const files: Zippable = {};
    for (let i = 0; i <= 10_000; i++) files[`values/v${i}.json`] = new Uint8Array();
    await expectRefused(zipSync(files, { level: 0 }), 413, /more than 10000 files/);
  });

  it('with a file that is not UTF-8 text is refused naming it (400)', async () => {
    const entries = fixtureEntries();
    entries.push({
      name: 'functions/latin1.js',
      content: Uint8Array.from([0x63, 0x61, 0x66, 0xe9]),
    });
    await expectRefused(rawZip(entries), 400, /^functions\/latin1\.js: not UTF-8 text/);
  });

  it.each([
    '../realm_config.json',
    'functions/../../evil.js',
    '/etc/passwd',
    'functions\\..\\..\\evil.js',
  ])('with the path %s is refused (400)', async (name) => {
    const entries = fixtureEntries();
    entries.push({ name, content: text('{}') });
    await expectRefused(rawZip(entries), 400, /not a relative path inside the app directory/);
  });

  it('of the directory inside one top folder is imported', async () => {
    const zip = zipDirectory(FIXTURE_FILES, { top: 'tasktracker' });
    expect(Object.keys(filesOf(zip))).toContain('tasktracker/realm_config.json');
    await importZip(t.srv, t.ownerA.auth, t.base, zip).expect(204);
    const exported = filesOf((await exportZip(t.srv, t.ownerA.auth, t.base)).zip);
    const { app_id: appId } = JSON.parse(exported['realm_config.json'] ?? '{}') as {
      app_id: string;
    };
    const expected = managedFiles(FIXTURE_FILES, appId);
    delete expected['realm_config.json']; // the name is this app's, not the fixture's
    expect(managedFiles(exported, appId)).toMatchObject(expected);
  });

  it('is read without its dotfiles and macOS metadata, binary or not', async () => {
    const files = new Map<string, string | Uint8Array>(FIXTURE_FILES);
    files.set('.mdb/app_meta.json', '{"config_version": 20210101, "app_id": "tasktracker-kzqwe"}');
    files.set('.DS_Store', Uint8Array.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31, 0xff, 0xfe]));
    files.set('functions/.eslintrc.json', 'not json at all');
    files.set('__MACOSX/._realm_config.json', Uint8Array.from([0, 5, 0x16, 7, 0xff]));
    files.set('__MACOSX/functions/._getTasks.js', Uint8Array.from([0, 5, 0x16, 7, 0xff]));
    await importZip(t.srv, t.ownerA.auth, t.base, zipDirectory(files)).expect(204);
    const exported = filesOf((await exportZip(t.srv, t.ownerA.auth, t.base)).zip);
    expect(Object.keys(exported).filter((f) => f.includes('.mdb') || f.includes('MACOSX'))).toEqual(
      [],
    );
  });

  it('with functions/nested/name.js for a function named with "/" is refused by the name rule', async () => {
    // App Services allows "/" in function names (their sources sit in nested folders); this
    // server's name rule does not, and says so.
    const files = new Map(FIXTURE_FILES);
    const config = JSON.parse(files.get('functions/config.json') ?? '[]') as unknown[];
    files.set(
      'functions/config.json',
      JSON.stringify([...config, { name: 'tasks/archive', private: true }]),
    );
    files.set('functions/tasks/archive.js', 'exports = () => 0;\n');
    await expectRefused(
      zipDirectory(files),
      400,
      /^functions\/tasks\/archive\.js: invalid function name "tasks\/archive": start with a letter/,
    );
  });
});

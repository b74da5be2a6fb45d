import fs from 'node:fs';
import path from 'node:path';
import { createApp, GROUP_B } from './helpers/factories';
import { appPath } from './helpers/config-resources';
import { ownersSuite } from './helpers/suites';
import { binary, exportZip, filesOf, importJson, importZip } from './helpers/config-as-code';

const t = ownersSuite();
const CLI_BODY = JSON.parse(
  fs.readFileSync(path.join(__dirname, 'fixtures/cli-import-body.json'), 'utf8'),
) as Record<string, unknown>;

describe('config as code', () => {
  it('imports the recorded CLI body, exports it as the app directory, and round-trips', async () => {
    await importJson(t.srv, t.ownerA.auth, t.base, CLI_BODY, true).expect(200);
    await importJson(t.srv, t.ownerA.auth, t.base, CLI_BODY).expect(204);
    const diff = await importJson(t.srv, t.ownerA.auth, t.base, CLI_BODY, true).expect(200);
    expect(diff.body).toEqual([]);

    const first = await exportZip(t.srv, t.ownerA.auth, t.base);
    const files = filesOf(first.zip);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['realm_config.json', 'auth/providers.json', 'functions/hello.js']),
    );
    expect(files['functions/hello.js']).toBe(
      'exports = function(name) { return "hello " + name; };\n',
    );

    // The same app name in another group: the template exports must then be the same bytes.
    const name = first.filename.slice(0, first.filename.lastIndexOf('_'));
    const other = (await createApp(t.srv, t.ownerB, GROUP_B, { name }))._id;
    const otherBase = appPath(GROUP_B, other);
    await importZip(t.srv, t.ownerB.auth, otherBase, first.zip).expect(204);
    const second = await exportZip(t.srv, t.ownerB.auth, otherBase, 'template=true');
    const firstTemplate = await exportZip(t.srv, t.ownerA.auth, t.base, 'template=true');
    expect(filesOf(second.zip)).toEqual(filesOf(firstTemplate.zip));
    expect(Buffer.compare(second.zip, firstTemplate.zip)).toBe(0);
  });
});

describe('the spec’s pull and push', () => {
  it('GET pull answers the JSON document to Accept: application/json and the zip otherwise; PATCH push imports it', async () => {
    await importJson(t.srv, t.ownerA.auth, t.base, CLI_BODY).expect(204);
    const doc = await t.srv.api
      .get(`${t.base}/pull`)
      .set('Authorization', t.ownerA.auth)
      .set('Accept', 'application/json')
      .expect(200);
    expect(doc.headers['content-type']).toBe('application/json');
    expect(doc.body).toMatchObject({
      config_version: 20210101,
      values: [{ name: 'greeting', value: 'hello', from_secret: false }],
      functions: {
        sources: {
          'hello.js': (CLI_BODY.functions as { sources: Record<string, string> }).sources[
            'hello.js'
          ],
        },
      },
    });
    const zip = await t.srv.api
      .get(`${t.base}/pull`)
      .set('Authorization', t.ownerA.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(
      Buffer.compare(zip.body as Buffer, (await exportZip(t.srv, t.ownerA.auth, t.base)).zip),
    ).toBe(0);

    // PATCH push takes the same document: pushed into another app, it exports the same files.
    const name = (doc.body as { name: string }).name;
    const other = appPath(GROUP_B, (await createApp(t.srv, t.ownerB, GROUP_B, { name }))._id);
    await t.srv.api
      .patch(`${other}/push`)
      .set('Authorization', t.ownerB.auth)
      .send(doc.body as object)
      .expect(204);
    const mine = filesOf((await exportZip(t.srv, t.ownerA.auth, t.base, 'template=true')).zip);
    expect(filesOf((await exportZip(t.srv, t.ownerB.auth, other, 'template=true')).zip)).toEqual(
      mine,
    );
  });
});

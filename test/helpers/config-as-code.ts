import { unzipSync } from 'fflate';
import type { Response } from 'superagent';
import type { TestServer } from './test-server';

/** Reads a binary (zip) response body as a Buffer. */
export function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** GET A/export as the CLI sends it; the zip's bytes and its file name. */
export async function exportZip(
  srv: TestServer,
  auth: string,
  base: string,
  query = 'version=20210101&source_control=true',
): Promise<{ zip: Buffer; filename: string }> {
  const res = await srv.api
    .get(`${base}/export?${query}`)
    .set('Authorization', auth)
    .buffer(true)
    .parse(binary)
    .expect(200);
  expect(res.headers['content-type']).toBe('application/zip');
  const filename = /filename=(\S+)/.exec(String(res.headers['content-disposition']))?.[1] ?? '';
  return { zip: res.body as Buffer, filename };
}

/** The files of a zip as text, by path. */
export function filesOf(zip: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, bytes] of Object.entries(unzipSync(zip))) {
    out[path] = Buffer.from(bytes).toString('utf8');
  }
  return out;
}

/** POST A/import?strategy=replace-by-name[&diff=true] with the CLI's JSON document. */
export function importJson(
  srv: TestServer,
  auth: string,
  base: string,
  doc: unknown,
  diff = false,
) {
  return srv.api
    .post(`${base}/import?strategy=replace-by-name${diff ? '&diff=true' : ''}`)
    .set('Authorization', auth)
    .send(doc as object);
}

/** POST A/import with a zip of the app directory. */
export function importZip(srv: TestServer, auth: string, base: string, zip: Uint8Array) {
  return srv.api
    .post(`${base}/import?strategy=replace-by-name`)
    .set('Authorization', auth)
    .set('Content-Type', 'application/zip')
    .send(Buffer.from(zip));
}

import { zipSync, type Zippable } from 'fflate';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError, InvalidInputError, PayloadTooLargeError } from '../../errors/app-error';
import { isIgnoredPath } from './app-files';

/** Every entry gets this time (zip's earliest), so that the same files give the same bytes. */
const FIXED_MTIME = new Date('1980-01-01T00:00:00Z');

export interface UnzipLimits {
  /** Sum of the entries' uncompressed sizes. */
  readonly maxBytes: number;
  readonly maxEntries: number;
}

/** A zip of the files, in the order given, with fixed timestamps and attributes. */
export function zipFiles(files: ReadonlyMap<string, string>): Uint8Array {
  const encoder = new TextEncoder();
  const entries: Zippable = {};
  for (const [path, text] of files) {
    entries[path] = [encoder.encode(text), { mtime: FIXED_MTIME, level: 6, os: 3 }];
  }
  return zipSync(entries);
}

const unreadable = (why: string) =>
  new InvalidInputError(`the upload is not a readable zip archive (${why})`);

/**
 * The files of an uploaded zip as UTF-8 text, by path, read with yauzl from the central
 * directory. Limits are checked on the sizes the archive declares before an entry is inflated,
 * and yauzl stops inflating an entry as soon as it yields more than its declared size, so a
 * small archive cannot make the server inflate beyond `maxBytes`. Paths that leave the directory
 * (absolute, `..`) are refused. Dotfiles and macOS metadata (`__MACOSX/`) are left out unread,
 * binary as they often are. When the archive holds the app in one folder (a zip of the directory
 * itself), paths are taken relative to that folder.
 */
export async function unzipFiles(
  data: Uint8Array,
  limits: UnzipLimits,
): Promise<Map<string, string>> {
  const zip = await openZip(data);
  try {
    // Folder entries do not count as files; twice the limit in all is refused before reading.
    if (zip.entryCount > 2 * limits.maxEntries) tooManyFiles(limits);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const files = new Map<string, string>();
    let count = 0;
    let bytes = 0;
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      const path = entry.fileName;
      if (path.endsWith('/')) continue; // a folder entry
      count += 1;
      if (count > limits.maxEntries) tooManyFiles(limits);
      if (path.split('/').some((p) => p === '')) throw outside(path);
      if (isIgnoredPath(path)) continue;
      bytes += entry.uncompressedSize;
      if (bytes > limits.maxBytes) {
        throw new PayloadTooLargeError(
          `the zip's files add up to more than ${limits.maxBytes} bytes uncompressed`,
        );
      }
      if (files.has(path)) throw new InvalidInputError(`${path}: the zip holds it twice`);
      const content = await readEntry(zip, entry, path);
      try {
        files.set(path, decoder.decode(content));
      } catch {
        throw new InvalidInputError(`${path}: not UTF-8 text`);
      }
    }
    return withoutCommonFolder(files);
  } finally {
    zip.close();
  }
}

function tooManyFiles(limits: UnzipLimits): never {
  throw new PayloadTooLargeError(`the zip holds more than ${limits.maxEntries} files`);
}

const outside = (name: string) =>
  new InvalidInputError(`${name}: not a relative path inside the app directory`);

function openZip(data: Uint8Array): Promise<ZipFile> {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err) reject(unreadable(err.message));
      else resolve(zip);
    });
  });
}

/** yauzl's file name checks, as this server words them. */
function entryError(err: Error): AppError {
  const name =
    /^(?:absolute path|invalid relative path|invalid characters in fileName): (.*)$/.exec(
      err.message,
    )?.[1];
  return name !== undefined ? outside(name) : unreadable(err.message);
}

/** The next entry of the central directory, or undefined after the last. */
function nextEntry(zip: ZipFile): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    const done = () => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
    };
    const onEntry = (entry: Entry) => (done(), resolve(entry));
    const onEnd = () => (done(), resolve(undefined));
    const onError = (err: Error) => (done(), reject(entryError(err)));
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

/** An entry's bytes; yauzl checks them against the declared size as they are inflated. */
function readEntry(zip: ZipFile, entry: Entry, path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(entryReadError(err, entry, path));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (e: Error) => {
        stream.destroy();
        reject(entryReadError(e, entry, path));
      });
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

function entryReadError(err: Error, entry: Entry, path: string): AppError {
  const declared = entry.uncompressedSize;
  if (err.message.startsWith('too many bytes')) {
    return new InvalidInputError(
      `${path}: its data is larger than the ${declared} bytes the zip declares for it`,
    );
  }
  if (err.message.startsWith('not enough bytes')) {
    return new InvalidInputError(
      `${path}: its data is smaller than the ${declared} bytes the zip declares for it`,
    );
  }
  if (entry.isEncrypted()) {
    return new InvalidInputError(`${path}: encrypted zip entries are not read`);
  }
  if (/compression method/.test(err.message)) {
    return new InvalidInputError(
      `${path}: compression method ${entry.compressionMethod} is not read (only stored and deflate)`,
    );
  }
  return new InvalidInputError(`${path}: its data is not readable (${err.message})`);
}

function withoutCommonFolder(files: Map<string, string>): Map<string, string> {
  if (files.has('realm_config.json')) return files;
  const tops = new Set([...files.keys()].map((p) => p.split('/')[0]));
  const [top] = tops;
  if (tops.size !== 1 || top === undefined || !files.has(`${top}/realm_config.json`)) return files;
  return new Map([...files].map(([p, text]) => [p.slice(top.length + 1), text]));
}

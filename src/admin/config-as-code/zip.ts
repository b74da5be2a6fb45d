import { Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { constants as zlibConstants, inflateRawSync } from 'node:zlib';
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

/** How many files are read between two turns of the event loop. */
const YIELD_EVERY = 100;

const unreadable = (why: string) =>
  new InvalidInputError(`the upload is not a readable zip archive (${why})`);

/**
 * The files of an uploaded zip as UTF-8 text, by path, read with yauzl from the central
 * directory. Limits are checked on the sizes the archive declares before an entry is inflated,
 * and inflating an entry stops as soon as it yields more than its declared size, so a small
 * archive cannot make the server inflate beyond `maxBytes`. Paths that leave the directory
 * (absolute, `..`) are refused. Dotfiles and macOS metadata (`__MACOSX/`) are left out unread,
 * binary as they often are. When the archive holds the app in one folder (a zip of the directory
 * itself), paths are taken relative to that folder.
 */
export async function unzipFiles(
  data: Uint8Array,
  limits: UnzipLimits,
): Promise<Map<string, string>> {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const zip = await openZip(buffer);
  try {
    // Folder entries do not count as files; twice the limit in all is refused before reading.
    if (zip.entryCount > 2 * limits.maxEntries) tooManyFiles(limits);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const files = new Map<string, string>();
    let count = 0;
    let bytes = 0;
    const nextEntry = entryReader(zip);
    for (let entry = await nextEntry(); entry; entry = await nextEntry()) {
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
      // The files are read without waiting for I/O: let other requests in now and then.
      if (count % YIELD_EVERY === 0) await yieldToEventLoop();
      const content = await readEntry(zip, buffer, entry, path);
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

/**
 * The archive in memory, as yauzl reads it: each read is copied at once and answered in a
 * microtask (yauzl expects an asynchronous answer, as fs.read gives). yauzl's own buffer reader
 * (fromBuffer) answers each in a later turn of the event loop, three of which every file took.
 */
class MemoryReader extends yauzl.RandomAccessReader {
  constructor(private readonly data: Buffer) {
    super();
  }

  /** Unused: entries are inflated from memory (see readEntry), not through yauzl's streams. */
  override _readStreamForRange(start: number, end: number): Readable {
    return Readable.from([this.data.subarray(start, end)]);
  }

  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (err: Error | null, bytesRead?: number) => void,
  ): void {
    const n = Math.max(0, Math.min(length, buffer.length - offset, this.data.length - position));
    if (n > 0) this.data.copy(buffer, offset, position, position + n);
    queueMicrotask(() => callback(null, n));
  }
}

function openZip(buffer: Buffer): Promise<ZipFile> {
  const reader = new MemoryReader(buffer);
  const options = { lazyEntries: true, validateEntrySizes: true };
  return new Promise((resolve, reject) => {
    yauzl.fromRandomAccessReader(reader, buffer.length, options, (err, zip) => {
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

/**
 * Reads the central directory entry by entry: each call resolves to the next entry, or undefined
 * after the last (one set of listeners for them all).
 */
function entryReader(zip: ZipFile): () => Promise<Entry | undefined> {
  let waiting: { resolve: (e: Entry | undefined) => void; reject: (err: AppError) => void };
  zip
    .on('entry', (entry: Entry) => waiting.resolve(entry))
    .on('end', () => waiting.resolve(undefined))
    .on('error', (err: Error) => waiting.reject(entryError(err)));
  return () =>
    new Promise((resolve, reject) => {
      waiting = { resolve, reject };
      zip.readEntry();
    });
}

/**
 * An entry's bytes, from the archive in memory. yauzl finds where they start (and checks that
 * they lie inside the archive); they are inflated at once, with no stream: inflating stops as
 * soon as the output exceeds the declared size, and output shorter than declared is refused too.
 */
async function readEntry(zip: ZipFile, data: Buffer, entry: Entry, path: string): Promise<Buffer> {
  if (entry.isEncrypted())
    throw new InvalidInputError(`${path}: encrypted zip entries are not read`);
  try {
    const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
    return decode(data.subarray(fileDataStart, fileDataStart + entry.compressedSize), entry, path);
  } catch (err) {
    throw err instanceof AppError ? err : entryReadError(err as Error, entry, path);
  }
}

/** The bytes of a stored (0) or deflated (8) entry, exactly as many as the entry declares. */
function decode(raw: Buffer, entry: Entry, path: string): Buffer {
  const declared = entry.uncompressedSize;
  // A stored entry's sizes were compared by yauzl (validateEntrySizes).
  if (entry.compressionMethod === 0) return raw;
  if (entry.compressionMethod !== 8) {
    throw new Error(`unsupported compression method: ${entry.compressionMethod}`);
  }
  let out: Buffer;
  try {
    // One output buffer of the declared size and a byte more (where the end of the data is
    // seen), rather than zlib's default 16 KiB for each of the many small files.
    const chunkSize = Math.max(zlibConstants.Z_MIN_CHUNK, declared + 1);
    out = inflateRawSync(raw, { maxOutputLength: Math.max(1, declared), chunkSize });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw tooManyBytes(path, declared);
    throw err;
  }
  if (out.length > declared) throw tooManyBytes(path, declared);
  if (out.length < declared) {
    throw new InvalidInputError(
      `${path}: its data is smaller than the ${declared} bytes the zip declares for it`,
    );
  }
  return out;
}

const tooManyBytes = (path: string, declared: number) =>
  new InvalidInputError(
    `${path}: its data is larger than the ${declared} bytes the zip declares for it`,
  );

function entryReadError(err: Error, entry: Entry, path: string): AppError {
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

import { inflateRawSync } from 'node:zlib';
import { InvalidInputError } from '../../errors/app-error';

/** One entry of a zip's central directory: what the archive declares of a file. */
export interface ZipEntry {
  /** As stored ('\' not yet made '/'). */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** The uncompressed size the archive declares. */
  readonly size: number;
  readonly localOffset: number;
}

const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

const unreadable = (why: string) =>
  new InvalidInputError(`the upload is not a readable zip archive (${why})`);

/**
 * The entries of a zip, read from its central directory (which is right even where local
 * headers defer sizes to data descriptors), zip64 included. Nothing is inflated here, so sizes
 * can be checked before any work is done.
 */
export function readZipEntries(data: Uint8Array): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const need = (end: number) => {
    if (end > data.length) throw unreadable('truncated');
  };
  const u16 = (at: number) => (need(at + 2), view.getUint16(at, true));
  const u32 = (at: number) => (need(at + 4), view.getUint32(at, true));
  const u64 = (at: number) => (need(at + 8), Number(view.getBigUint64(at, true)));

  let end = -1;
  for (let at = data.length - 22; at >= 0 && at >= data.length - 22 - 0xffff; at--) {
    if (view.getUint32(at, true) === END) {
      end = at;
      break;
    }
  }
  if (end < 0) throw unreadable('no end of central directory record');
  let count = u16(end + 10);
  let at = u32(end + 16);
  if (end >= 20 && u32(end - 20) === END64_LOCATOR) {
    const end64 = u64(end - 12);
    if (u32(end64) !== END64) throw unreadable('bad zip64 end of central directory record');
    count = u64(end64 + 32);
    at = u64(end64 + 48);
  }

  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (u32(at) !== CENTRAL) throw unreadable('bad central directory');
    const flags = u16(at + 8);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    need(at + 46 + nameLength + extraLength);
    const nameBytes = data.subarray(at + 46, at + 46 + nameLength);
    let compressedSize = u32(at + 20);
    let size = u32(at + 24);
    let localOffset = u32(at + 42);
    // zip64: the fields that overflow are in the 0x0001 extra field, in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
      const id = u16(x);
      const length = u16(x + 2);
      if (id === 1) {
        let field = x + 4;
        const next = () => ((field += 8), u64(field - 8));
        if (size === MAX32) size = next();
        if (compressedSize === MAX32) compressedSize = next();
        if (localOffset === MAX32) localOffset = next();
      }
      x += 4 + length;
    }
    entries.push({
      name: Buffer.from(nameBytes).toString(flags & 0x800 ? 'utf8' : 'latin1'),
      method: u16(at + 10),
      flags,
      compressedSize,
      size,
      localOffset,
    });
    at += 46 + nameLength + extraLength + u16(at + 32);
  }
  return entries;
}

/**
 * The bytes of an entry (named `path` in messages). Inflating stops as soon as the data grows
 * past the size the entry declares, so an entry can never expand beyond it; data of another
 * size than declared is refused.
 */
export function entryData(data: Uint8Array, entry: ZipEntry, path: string): Uint8Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const local = entry.localOffset;
  if (local + 30 > data.length || view.getUint32(local, true) !== LOCAL) {
    throw unreadable(`no local header for ${path}`);
  }
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + entry.compressedSize > data.length) throw unreadable(`${path} is truncated`);
  const raw = data.subarray(start, start + entry.compressedSize);
  if (entry.flags & 1) throw new InvalidInputError(`${path}: encrypted zip entries are not read`);
  let out: Uint8Array;
  if (entry.method === 0) out = raw;
  else if (entry.method === 8) {
    try {
      out = inflateRawSync(raw, { maxOutputLength: Math.max(entry.size, 1) });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') out = tooLarge(entry, path);
      else throw new InvalidInputError(`${path}: its data is not readable deflate data`);
    }
  } else {
    throw new InvalidInputError(
      `${path}: compression method ${entry.method} is not read (only stored and deflate)`,
    );
  }
  if (out.length > entry.size) tooLarge(entry, path);
  if (out.length < entry.size) {
    throw new InvalidInputError(
      `${path}: its data is smaller than the ${entry.size} bytes the zip declares for it`,
    );
  }
  return out;
}

function tooLarge(entry: ZipEntry, path: string): never {
  throw new InvalidInputError(
    `${path}: its data is larger than the ${entry.size} bytes the zip declares for it`,
  );
}

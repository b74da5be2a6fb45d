import { zipSync, type Zippable } from 'fflate';
import { AppError, InvalidInputError, PayloadTooLargeError } from '../../errors/app-error';
import { isIgnoredPath } from './app-files';
import { entryData, readZipEntries, type ZipEntry } from './zip-reader';

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

/**
 * The files of an uploaded zip as UTF-8 text, by path. Limits are checked on the sizes the
 * archive declares before anything is inflated, and no entry inflates past its declared size,
 * so a small archive cannot expand beyond `maxBytes`. Dotfiles and macOS metadata (`__MACOSX/`)
 * are left out unread, binary as they often are. When the archive holds the app in one folder
 * (a zip of the directory itself), paths are taken relative to that folder.
 */
export function unzipFiles(data: Uint8Array, limits: UnzipLimits): Map<string, string> {
  let count = 0;
  let bytes = 0;
  const wanted: { path: string; entry: ZipEntry }[] = [];
  for (const entry of readZipEntries(data)) {
    if (entry.name.endsWith('/')) continue; // a folder entry
    count += 1;
    if (count > limits.maxEntries) {
      throw new PayloadTooLargeError(`the zip holds more than ${limits.maxEntries} files`);
    }
    const path = entry.name.replace(/\\/g, '/');
    if (path.startsWith('/') || path.split('/').some((p) => p === '..' || p === '')) {
      throw new InvalidInputError(`${entry.name}: not a relative path inside the app directory`);
    }
    if (isIgnoredPath(path)) continue;
    bytes += entry.size;
    if (bytes > limits.maxBytes) {
      throw new PayloadTooLargeError(
        `the zip's files add up to more than ${limits.maxBytes} bytes uncompressed`,
      );
    }
    wanted.push({ path, entry });
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const files = new Map<string, string>();
  for (const { path, entry } of wanted) {
    if (files.has(path)) throw new InvalidInputError(`${path}: the zip holds it twice`);
    try {
      files.set(path, decoder.decode(entryData(data, entry, path)));
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new InvalidInputError(`${path}: not UTF-8 text`);
    }
  }
  return withoutCommonFolder(files);
}

function withoutCommonFolder(files: Map<string, string>): Map<string, string> {
  if (files.has('realm_config.json')) return files;
  const tops = new Set([...files.keys()].map((p) => p.split('/')[0]));
  const [top] = tops;
  if (tops.size !== 1 || top === undefined || !files.has(`${top}/realm_config.json`)) return files;
  return new Map([...files].map(([p, text]) => [p.slice(top.length + 1), text]));
}

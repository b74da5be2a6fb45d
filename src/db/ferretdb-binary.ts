import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { LocalDatabaseConfig } from '../config/config';

const run = promisify(execFile);

export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const FERRETDB_VERSION = 'v1.24.2';

/**
 * Our one change to FerretDB's source: its SQLite backend looks `_id` up with the JSON path
 * `->'$._id'` while its unique index is on `->'_id'` (the same value), so SQLite never used the
 * index and every `_id` lookup scanned the collection (measured: login latency grew 19× from 10k
 * to 1M users). Writing the lookup like the index makes `_id` lookups indexed.
 */
const ID_COLUMN_PATCH = {
  file: path.join('internal', 'backends', 'sqlite', 'metadata', 'metadata.go'),
  from: `IDColumn = DefaultColumn + "->'$._id'"`,
  to: `IDColumn = DefaultColumn + "->'_id'"`,
};
/** Bumped whenever the build changes, so machines rebuild instead of reusing an older binary. */
const BUILD_REVISION = 'idx1';

/** Where the built binary is cached, once per machine (override with FERRETDB_CACHE_DIR). */
function ferretdbCacheDir(local: LocalDatabaseConfig): string {
  const base =
    local.ferretdbCacheDir ??
    path.join(local.userCacheDir ?? path.join(os.homedir(), '.cache'), 'open-app-services');
  return path.join(base, `ferretdb-${FERRETDB_VERSION}-${BUILD_REVISION}`);
}

function applyIdColumnPatch(src: string): void {
  const file = path.join(src, ID_COLUMN_PATCH.file);
  const text = fs.readFileSync(file, 'utf8');
  if (!text.includes(ID_COLUMN_PATCH.from))
    throw new DatabaseUnavailableError(`FerretDB source changed: ${ID_COLUMN_PATCH.file}`);
  fs.writeFileSync(file, text.replace(ID_COLUMN_PATCH.from, ID_COLUMN_PATCH.to));
}

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** The path of an executable named `cmd` on `searchPath` (a PATH), like `command -v`. */
export function findExecutable(cmd: string, searchPath: string): string | undefined {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, cmd);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * Returns the path of a FerretDB v1.24.2 binary, building it with Go on first use.
 *
 * Why not `go install …@v1.24.2`: FerretDB refuses to start unless `build/version/version.txt`
 * was generated into its source tree (a module install has none, and it panics at start-up), and
 * some module proxies refuse the version-list lookup that `go install` makes. So we download the
 * exact module version through the Go module proxy, write the version file into a private copy of
 * the source, apply ID_COLUMN_PATCH, and `go build` that. The result is cached and reused.
 */
export async function ensureFerretdbBinary(
  log: (msg: string) => void,
  local: LocalDatabaseConfig,
): Promise<string> {
  if (local.ferretdbBin) return local.ferretdbBin;
  const dir = ferretdbCacheDir(local);
  const bin = path.join(dir, 'ferretdb');
  if (fs.existsSync(bin)) return bin;
  const go = findExecutable('go', local.searchPath);
  if (!go) {
    throw new DatabaseUnavailableError(
      'No database available: MONGODB_URI is not set, no `mongod` is on PATH, and Go is not installed ' +
        `to build the embedded FerretDB ${FERRETDB_VERSION}. Install Go (1.22+), put mongod on PATH, or set MONGODB_URI.`,
    );
  }
  log(`building FerretDB ${FERRETDB_VERSION} with Go (once per machine, about a minute)…`);
  fs.mkdirSync(dir, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oas-ferretdb-'));
  try {
    // Go runs in our environment (GOPROXY, GOPATH, proxies…); the settings it needs here are
    // flags, so nothing is added to that environment.
    await run(go, ['mod', 'init', 'oas-ferretdb-build'], { cwd: work });
    const { stdout } = await run(
      go,
      ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`],
      { cwd: work, maxBuffer: 16 * 1024 * 1024 },
    );
    const moduleDir = (JSON.parse(stdout) as { Dir?: string }).Dir;
    if (!moduleDir)
      throw new DatabaseUnavailableError(`go mod download gave no source directory: ${stdout}`);
    const src = path.join(work, 'src');
    fs.cpSync(moduleDir, src, { recursive: true });
    await run('chmod', ['-R', 'u+w', src]); // the module cache is read-only
    fs.writeFileSync(path.join(src, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    applyIdColumnPatch(src);
    const tmpBin = `${bin}.${process.pid}.tmp`;
    await run(
      go,
      ['build', '-mod=mod', '-buildvcs=false', '-trimpath', '-o', tmpBin, './cmd/ferretdb'],
      { cwd: src, maxBuffer: 16 * 1024 * 1024 },
    );
    fs.renameSync(tmpBin, bin); // atomic: concurrent builders race harmlessly
    return bin;
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) throw err;
    const detail =
      err instanceof Error
        ? `${err.message}\n${(err as { stderr?: string }).stderr ?? ''}`
        : String(err);
    throw new DatabaseUnavailableError(
      `failed to build FerretDB ${FERRETDB_VERSION} with Go: ${detail.trim()}`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

import { InvalidInputError } from '../../errors/app-error';
import {
  CONFIG_VERSION,
  configFileText,
  isJsonObject,
  type AppDocument,
  type DataSourceDocument,
  type Json,
  type JsonObject,
  text,
} from './app-document';

/** The realm_config.json fields, in the document's root. */
const ROOT_FIELDS = [
  'config_version',
  'app_id',
  'name',
  'location',
  'provider_region',
  'deployment_model',
  'environment',
  'allowed_request_origins',
] as const;

/**
 * The files of the app directory for a document, by path, in path order. Config files are JSON
 * with sorted keys (configFileText); function sources are written as they are.
 */
export function documentToFiles(doc: AppDocument): Map<string, string> {
  const files = new Map<string, string>();
  const json = (path: string, value: unknown) => files.set(path, configFileText(value));
  const root: Record<string, unknown> = {};
  for (const key of ROOT_FIELDS) if (doc[key] !== undefined) root[key] = doc[key];
  json('realm_config.json', root);
  json('auth/providers.json', doc.auth?.providers ?? {});
  json('auth/custom_user_data.json', doc.auth?.custom_user_data ?? { enabled: false });
  for (const ds of doc.data_sources ?? []) {
    const name = text(ds.config?.name ?? '');
    json(`data_sources/${name}/config.json`, ds.config ?? {});
    if (ds.default_rule) json(`data_sources/${name}/default_rule.json`, ds.default_rule);
    for (const rule of ds.rules ?? []) {
      json(`data_sources/${name}/${text(rule.database)}/${text(rule.collection)}/rules.json`, rule);
    }
  }
  for (const [file, content] of Object.entries(doc.environments ?? {})) {
    json(`environments/${file}`, content);
  }
  json('functions/config.json', doc.functions?.config ?? []);
  for (const [path, source] of Object.entries(doc.functions?.sources ?? {})) {
    files.set(`functions/${path}`, source);
  }
  for (const t of doc.triggers ?? []) json(`triggers/${text(t.name)}.json`, t);
  for (const v of doc.values ?? []) json(`values/${text(v.name)}.json`, v);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Sections outside this server's scope, by their top directory. */
const OTHER_DIRECTORIES: Record<string, keyof AppDocument> = {
  http_endpoints: 'http_endpoints',
  services: 'services',
  hosting: 'hosting',
  log_forwarders: 'log_forwarders',
  push: 'push',
};

/**
 * Files that are not part of the app: dotfiles and dot folders (editor and VCS metadata, the
 * CLI's .mdb) and the metadata macOS adds to zips it makes (`__MACOSX/`).
 */
export function isIgnoredPath(path: string): boolean {
  const parts = path.split('/');
  return parts[0] === '__MACOSX' || parts.some((p) => p.startsWith('.'));
}

/**
 * Reads an app directory (files by path relative to its root, as a zip holds them) into the
 * document form. A file that is not valid JSON, or that the layout has no place for, is an error
 * naming the file. Files isIgnoredPath names are left out.
 */
export function filesToDocument(files: ReadonlyMap<string, string>): AppDocument {
  const doc: AppDocument = {};
  const read = (path: string): Json => parseJson(path, files.get(path) ?? '');
  const object = (path: string): JsonObject => {
    const value = read(path);
    if (!isJsonObject(value)) throw fileError(path, 'must hold a JSON object');
    return value;
  };
  const list = (path: string): Json[] => {
    const value = read(path);
    if (!Array.isArray(value)) throw fileError(path, 'must hold a JSON array');
    return value;
  };
  const dataSources = new Map<string, DataSourceDocument>();
  const dataSource = (name: string) => {
    let ds = dataSources.get(name);
    if (!ds) dataSources.set(name, (ds = {}));
    return ds;
  };
  const others: Partial<Record<keyof AppDocument, Json[]>> = {};
  refuseOlderLayout(files, read);

  for (const path of [...files.keys()].sort()) {
    if (isIgnoredPath(path)) continue;
    const parts = path.split('/');
    const [top = '', ...rest] = parts;
    const sub = rest.join('/');
    if (path === 'realm_config.json') Object.assign(doc, object(path));
    else if (top === 'auth' && sub === 'providers.json') {
      (doc.auth ??= {}).providers = object(path) as Record<string, JsonObject>;
    } else if (top === 'auth' && sub === 'custom_user_data.json') {
      (doc.auth ??= {}).custom_user_data = object(path);
    } else if (top === 'auth' && sub === 'config.json') (doc.auth ??= {}).config = object(path);
    else if (top === 'functions' && sub === 'config.json') {
      (doc.functions ??= {}).config = list(path) as JsonObject[];
    } else if (top === 'functions' && sub.endsWith('.js')) {
      ((doc.functions ??= {}).sources ??= {})[sub] = files.get(path) ?? '';
    } else if (top === 'values' && rest.length === 1 && sub.endsWith('.json')) {
      (doc.values ??= []).push(object(path));
    } else if (top === 'triggers' && rest.length === 1 && sub.endsWith('.json')) {
      (doc.triggers ??= []).push(object(path));
    } else if (top === 'environments' && rest.length === 1 && sub.endsWith('.json')) {
      (doc.environments ??= {})[sub] = object(path);
    } else if (top === 'data_sources' && rest.length >= 2) {
      readDataSourceFile(path, rest, dataSource, object);
    } else if (top === 'graphql' && sub === 'config.json')
      (doc.graphql ??= {}).config = object(path);
    else if (top === 'graphql' && rest[0] === 'custom_resolvers') {
      ((doc.graphql ??= {}).custom_resolvers ??= []).push(read(path));
    } else if (top === 'sync' && sub === 'config.json') (doc.sync ??= {}).config = object(path);
    else if (OTHER_DIRECTORIES[top]) {
      const contents = sub.endsWith('.json') ? read(path) : (files.get(path) ?? '');
      (others[OTHER_DIRECTORIES[top]] ??= []).push(contents);
    } else {
      throw fileError(path, 'is not part of the App Services app directory layout (20210101)');
    }
  }
  for (const [section, contents] of Object.entries(others)) {
    (doc as Record<string, unknown>)[section] = contents;
  }
  if (dataSources.size > 0) doc.data_sources = [...dataSources.values()];
  return doc;
}

/**
 * Directories of config versions before 20210101 have their app settings in `config.json` (or
 * `stitch.json`) rather than realm_config.json: say so, rather than refuse each of their files.
 */
function refuseOlderLayout(files: ReadonlyMap<string, string>, read: (path: string) => Json): void {
  if (files.has('realm_config.json')) return;
  for (const path of ['config.json', 'stitch.json']) {
    if (!files.has(path)) continue;
    const settings = read(path);
    const version = isJsonObject(settings) ? settings.config_version : undefined;
    throw fileError(
      path,
      `this is an app directory of config version ${version === undefined ? 'before 20210101' : JSON.stringify(version)} (it has no realm_config.json), which is not supported; export the app again with version ${CONFIG_VERSION}`,
    );
  }
}

function readDataSourceFile(
  path: string,
  rest: string[],
  dataSource: (name: string) => DataSourceDocument,
  object: (path: string) => JsonObject,
): void {
  const [name = '', ...inner] = rest;
  const file = inner.join('/');
  const ds = dataSource(name);
  if (file === 'config.json') ds.config = object(path);
  else if (file === 'default_rule.json') ds.default_rule = object(path);
  else if (inner.length === 3 && inner[2] === 'rules.json') {
    const rule = object(path);
    const [database = '', collection = ''] = inner;
    for (const [key, folder] of [
      ['database', database],
      ['collection', collection],
    ] as const) {
      if (rule[key] !== undefined && rule[key] !== folder) {
        throw fileError(path, `${key} is ${JSON.stringify(rule[key])}, not its folder's name`);
      }
    }
    (ds.rules ??= []).push({ ...rule, database, collection });
  } else if (
    inner.length === 3 &&
    (inner[2] === 'schema.json' || inner[2] === 'relationships.json')
  ) {
    (ds.schemas ??= []).push(object(path));
  } else {
    throw fileError(path, 'is not part of the App Services app directory layout (20210101)');
  }
}

function parseJson(path: string, text: string): Json {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
  } catch (err) {
    throw fileError(path, `is not valid JSON (${(err as Error).message})`);
  }
}

export function fileError(path: string, problem: string): InvalidInputError {
  return new InvalidInputError(`${path}: ${problem}`);
}

import fs from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';

/** An app directory as App Services exported it (see its files for the shapes). */
export const EXPORT_FIXTURE = path.join(__dirname, '../fixtures/app-services-export');

/**
 * Folders of the fixture that hold no file. Git keeps no empty folder, but a zip made of the
 * exported directory (`zip -r`) has an entry for it.
 */
const EMPTY_FOLDERS = ['graphql/custom_resolvers'];

/** The secrets the fixture names (by name only, as exports do), with values that fit their rules. */
export const FIXTURE_SECRETS = {
  jwtSigningKey: 'a-signing-key-of-at-least-thirty-two-characters',
  googleClientSecret: 'GOCSPX-google-client-secret',
  sendgridApiKeySecret: 'SG.sendgrid-api-key',
} as const;

/** The files of a directory by path relative to it ('/'-separated), dotfiles left out. */
export function readAppDirectory(dir = EXPORT_FIXTURE): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else files.set(child, fs.readFileSync(path.join(dir, child), 'utf8'));
    }
  };
  walk('');
  return files;
}

/**
 * A zip of the files as `zip -r` makes it of the directory: an entry for every folder (also the
 * empty ones) and every file; under `top/` when given (a zip of the folder itself).
 */
export function zipDirectory(
  files: ReadonlyMap<string, string | Uint8Array>,
  options: { top?: string; emptyFolders?: readonly string[] } = {},
): Uint8Array {
  const root: Zippable = {};
  const folder = (parts: string[]): Zippable => {
    let node = root;
    for (const part of parts) node = (node[part] ??= {}) as Zippable;
    return node;
  };
  const prefix = options.top ? [options.top] : [];
  folder(prefix);
  for (const dir of options.emptyFolders ?? EMPTY_FOLDERS) folder([...prefix, ...dir.split('/')]);
  for (const [file, content] of files) {
    const parts = [...prefix, ...file.split('/')];
    const name = parts.pop() ?? '';
    folder(parts)[name] = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  }
  return zipSync(root);
}

type Json = unknown;
const parse = (text: string): Json => JSON.parse(text) as Json;

/**
 * The app as the App Services CLI sends it to `POST A/import` (realm-cli's AppStructureV2): the
 * realm_config.json fields it knows at the root (it drops `provider_region`), auth files under
 * `auth`, function configs with the sources by path under functions/, value and trigger files as
 * lists (in file name order), data sources as `{config, default_rule?, rules?}`, environment
 * files by file name, `graphql.config`, `sync.config`, `endpoints` from
 * http_endpoints/config.json (an empty list is left out, hence `{}`), and `secrets: {}`.
 */
export function cliDocument(files: ReadonlyMap<string, string>): Record<string, unknown> {
  const json = (file: string) => {
    const text = files.get(file);
    return text === undefined ? undefined : parse(text);
  };
  const under = (dir: string) => [...files.keys()].filter((f) => f.startsWith(`${dir}/`)).sort();
  const realm = json('realm_config.json') as Record<string, unknown>;
  const root: Record<string, unknown> = {};
  for (const key of [
    'config_version',
    'app_id',
    'name',
    'location',
    'deployment_model',
    'environment',
    'allowed_request_origins',
  ]) {
    if (realm[key] !== undefined) root[key] = realm[key];
  }
  const endpoints = (json('http_endpoints/config.json') ?? []) as unknown[];
  return {
    ...root,
    environments: Object.fromEntries(
      under('environments').map((f) => [path.posix.basename(f), json(f)]),
    ),
    values: under('values').map(json),
    auth: {
      custom_user_data: json('auth/custom_user_data.json'),
      providers: json('auth/providers.json'),
    },
    functions: {
      config: json('functions/config.json'),
      sources: Object.fromEntries(
        under('functions')
          .filter((f) => f.endsWith('.js'))
          .map((f) => [f.slice('functions/'.length), files.get(f)]),
      ),
    },
    triggers: under('triggers').map(json),
    data_sources: under('data_sources')
      .filter((f) => f.split('/').length === 3 && f.endsWith('/config.json'))
      .map((f) => {
        const dir = path.posix.dirname(f);
        const rules = under(dir).filter((r) => r.endsWith('/rules.json'));
        return {
          config: json(f),
          ...(files.has(`${dir}/default_rule.json`)
            ? { default_rule: json(`${dir}/default_rule.json`) }
            : {}),
          ...(rules.length > 0 ? { rules: rules.map(json) } : {}),
        };
      }),
    endpoints: endpoints.length > 0 ? { config: endpoints } : {},
    graphql: { config: json('graphql/config.json') },
    sync: { config: json('sync/config.json') },
    secrets: {},
  };
}

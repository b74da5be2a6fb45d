/**
 * What an export of this server should hold for an app directory App Services exported: the
 * files of the sections this server serves, equal in content (parsed JSON, so key order and
 * indentation do not count) after the differences our export legitimately has:
 * - `realm_config.json` names the app it was exported from (`app_id`);
 * - `functions/config.json` lists the functions by name (App Services: in creation order);
 * - a trigger file has no `id` (App Services wrote the trigger's id in the app it came from;
 *   ids are not carried from one app to another).
 * GraphQL, Device Sync and HTTPS endpoints are not served, so their files are not exported.
 */
export function managedFiles(
  files: Readonly<Record<string, string>> | ReadonlyMap<string, string>,
  appId: string,
): Record<string, unknown> {
  const entries = files instanceof Map ? [...files] : Object.entries(files);
  const out: Record<string, unknown> = {};
  for (const [file, text] of entries) {
    const top = file.split('/')[0] ?? '';
    if (!MANAGED.has(top)) continue;
    out[file] = file.endsWith('.js') ? text : normalize(file, JSON.parse(text), appId);
  }
  return out;
}

const MANAGED = new Set([
  'realm_config.json',
  'auth',
  'data_sources',
  'environments',
  'functions',
  'triggers',
  'values',
]);

type JsonObject = Record<string, unknown>;

function normalize(file: string, value: unknown, appId: string): unknown {
  if (file === 'realm_config.json') return { ...(value as JsonObject), app_id: appId };
  if (file === 'functions/config.json') {
    return [...(value as { name: string }[])].sort((a, b) => a.name.localeCompare(b.name));
  }
  if (file.startsWith('triggers/')) {
    const { id: _id, ...trigger } = value as JsonObject;
    return trigger;
  }
  return value;
}

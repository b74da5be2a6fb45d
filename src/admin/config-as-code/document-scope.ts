import { InvalidInputError } from '../../errors/app-error';
import { CONFIG_VERSION, isJsonObject, type AppDocument, type Json } from './app-document';

/** How deep an imported document may nest (as for any JSON request body). */
const MAX_DEPTH = 100;

const isEmpty = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  (Array.isArray(v) && v.every(isEmpty)) ||
  (isJsonObject(v) && Object.values(v).every(isEmpty));

/**
 * The parts of an App Services app this server does not serve, each with a test of whether the
 * document uses it. Real exports carry some of them with default settings only (graphql's
 * pluralization setting, sync off), which use nothing and are accepted.
 */
const OUT_OF_SCOPE: [string, (doc: AppDocument) => boolean][] = [
  ['http_endpoints', (d) => !isEmpty(d.http_endpoints) || !isEmpty(d.endpoints)],
  ['services (third-party services)', (d) => !isEmpty(d.services)],
  ['graphql custom resolvers', (d) => !isEmpty(d.graphql?.custom_resolvers)],
  [
    'sync',
    (d) =>
      Object.entries(d.sync?.config ?? {}).some(
        ([key, value]) => key !== 'development_mode_enabled' || value !== false,
      ),
  ],
  [
    'hosting',
    (d) => !isEmpty(d.hosting) && !(isJsonObject(d.hosting) && d.hosting.enabled === false),
  ],
  ['push notifications', (d) => !isEmpty(d.push)],
  ['log_forwarders', (d) => !isEmpty(d.log_forwarders)],
  [
    'collection schemas and relationships',
    (d) => (d.data_sources ?? []).some((ds) => !isEmpty(ds.schemas)),
  ],
];

/**
 * Checks the document as a whole before any part of it is read: a JSON object of config version
 * 20210101, not nested too deeply, with no `__proto__` key, using no part of App Services this
 * server does not serve (all such parts are named in one message).
 */
export function checkDocument(body: unknown): AppDocument {
  if (!isJsonObject(body)) {
    throw new InvalidInputError('the app to import must be a JSON object (the app directory)');
  }
  checkTree(body);
  const doc = body as AppDocument;
  if (doc.config_version !== undefined && doc.config_version !== CONFIG_VERSION) {
    throw new InvalidInputError(
      `realm_config.json: config_version ${JSON.stringify(doc.config_version)} is not supported; export the app again with version ${CONFIG_VERSION}`,
    );
  }
  const used = OUT_OF_SCOPE.filter(([, uses]) => uses(doc)).map(([name]) => name);
  if (used.length > 0) {
    throw new InvalidInputError(
      `this server does not serve ${used.join(', ')}; remove them from the app (or leave them empty) and import again`,
    );
  }
  return doc;
}

function checkTree(root: Json): void {
  const stack: { value: Json; depth: number }[] = [{ value: root, depth: 1 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, depth } = item;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DEPTH) {
      throw new InvalidInputError(`the app is nested too deeply (more than ${MAX_DEPTH} levels)`);
    }
    if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, '__proto__')) {
      throw new InvalidInputError('the app has a key named "__proto__", which is not accepted');
    }
    for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
}

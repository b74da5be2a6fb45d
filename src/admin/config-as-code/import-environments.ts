import {
  APP_ENVIRONMENTS,
  type AppConfig,
  type EnvironmentValueConfig,
} from '../../app-config/app-config.types';
import { InvalidInputError } from '../../errors/app-error';
import { VALUES } from '../values/value.service';
import { ENVIRONMENT_FILES, isJsonObject, type AppDocument } from './app-document';
import { inPart, keepOrReplace } from './import-parts';

/**
 * Environment values come as one file per environment (`environments/<env>.json`, each
 * `{"values": {<name>: <value>}}`); the config holds one entry per name with a value per
 * environment. A name given in no file has no entry (it would resolve to nothing anywhere).
 */
export function importEnvironmentValues(
  doc: AppDocument,
  current: readonly EnvironmentValueConfig[],
  now: number,
): EnvironmentValueConfig[] {
  const byName = new Map<string, Record<string, unknown>>();
  for (const [file, content] of Object.entries(doc.environments ?? {})) {
    const where = `environments/${file}`;
    const env = (ENVIRONMENT_FILES as Record<string, string>)[file];
    if (!env) {
      throw new InvalidInputError(
        `${where}: not an environment; the files are ${Object.keys(ENVIRONMENT_FILES).join(', ')}`,
      );
    }
    if (!isJsonObject(content) || (content.values !== undefined && !isJsonObject(content.values))) {
      throw new InvalidInputError(`${where} must hold {"values": {<name>: <value>, ...}}`);
    }
    for (const [name, value] of Object.entries(content.values ?? {})) {
      inPart(where, () => VALUES.checkName(name));
      const values = byName.get(name) ?? {};
      values[env] = value;
      byName.set(name, values);
    }
  }
  return [...byName.keys()].sort().map((name) =>
    keepOrReplace(
      current,
      name,
      (id, lastModified) => ({
        _id: id,
        name,
        values: byName.get(name) ?? {},
        last_modified: lastModified ?? now,
      }),
      now,
    ),
  );
}

/** realm_config.json's `environment`: none ("") or one of App Services' environments. */
export function importEnvironmentTag(doc: AppDocument): AppConfig['environment']['tag'] {
  const tag = doc.environment ?? '';
  if (tag === '' || (APP_ENVIRONMENTS as readonly string[]).includes(tag)) {
    return tag as AppConfig['environment']['tag'];
  }
  throw new InvalidInputError(
    `realm_config.json: environment "${tag}" is not one of "", ${APP_ENVIRONMENTS.join(', ')}`,
  );
}

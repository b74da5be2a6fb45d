import { jsonEqual } from './json-equal';
import {
  ENTITY_SECTIONS,
  OBJECT_SECTIONS,
  type AppConfig,
  type EntitySection,
} from './app-config.types';

interface Entity {
  _id: string;
  name: string;
}

/** Fields that change on every write and say nothing a reviewer needs. */
const NOISE = new Set(['last_modified']);

function changedFields(a: object, b: object): string[] {
  const ar = a as Record<string, unknown>;
  const br = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ar), ...Object.keys(br)]);
  return [...keys].filter((k) => !NOISE.has(k) && !jsonEqual(ar[k], br[k])).sort();
}

/**
 * How an entity is named in a diff line: its name, except for a default rule, whose name is its
 * data source's id: `default rule of <data source name>` (the name in `to`, else in `from`).
 */
function labelOf(section: EntitySection, e: Entity, from: AppConfig, to: AppConfig): string {
  if (section !== 'default_rules') return e.name;
  const service = (id: string) =>
    to.services.find((s) => s._id === id) ?? from.services.find((s) => s._id === id);
  return `default rule of ${service(e.name)?.name ?? e.name}`;
}

/**
 * A readable diff of two configs, one line per change, e.g.
 * `auth_providers: added "custom-token"`, `functions: modified "onCreate" (source, private)`,
 * `rules: added "myapp.users"`, `default_rules: added "default rule of mongodb-atlas"`.
 * Secret values never enter configs, so they cannot appear here.
 */
export function diffConfigs(from: AppConfig, to: AppConfig): string[] {
  const lines: string[] = [];
  for (const section of ENTITY_SECTIONS) {
    const before = new Map((from[section] as Entity[]).map((e) => [e._id, e]));
    const after = new Map((to[section] as Entity[]).map((e) => [e._id, e]));
    const label = (e: Entity) => labelOf(section, e, from, to);
    for (const [id, e] of after) {
      const old = before.get(id);
      if (!old) lines.push(`${section}: added "${label(e)}"`);
      else {
        const fields = changedFields(old, e);
        if (fields.length > 0)
          lines.push(`${section}: modified "${label(e)}" (${fields.join(', ')})`);
      }
    }
    for (const [id, e] of before) {
      if (!after.has(id)) lines.push(`${section}: removed "${label(e)}"`);
    }
  }
  for (const section of OBJECT_SECTIONS) {
    const fields = changedFields(from[section], to[section]);
    if (fields.length > 0) lines.push(`${section}: modified (${fields.join(', ')})`);
  }
  return lines;
}

import { jsonEqual } from './json-equal';
import { ENTITY_SECTIONS, OBJECT_SECTIONS, type AppConfig } from './app-config.types';

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
 * A readable diff of two configs, one line per change, e.g.
 * `auth_providers: added "custom-token"`, `functions: modified "onCreate" (source, private)`.
 * Secret values never enter configs, so they cannot appear here.
 */
export function diffConfigs(from: AppConfig, to: AppConfig): string[] {
  const lines: string[] = [];
  for (const section of ENTITY_SECTIONS) {
    const before = new Map((from[section] as Entity[]).map((e) => [e._id, e]));
    const after = new Map((to[section] as Entity[]).map((e) => [e._id, e]));
    for (const [id, e] of after) {
      const old = before.get(id);
      if (!old) lines.push(`${section}: added "${e.name}"`);
      else {
        const fields = changedFields(old, e);
        if (fields.length > 0)
          lines.push(`${section}: modified "${e.name}" (${fields.join(', ')})`);
      }
    }
    for (const [id, e] of before) if (!after.has(id)) lines.push(`${section}: removed "${e.name}"`);
  }
  for (const section of OBJECT_SECTIONS) {
    const fields = changedFields(from[section], to[section]);
    if (fields.length > 0) lines.push(`${section}: modified (${fields.join(', ')})`);
  }
  return lines;
}

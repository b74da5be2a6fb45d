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

export interface MergeResult {
  config: AppConfig;
  /** Human-readable descriptions of entities both sides changed differently. */
  conflicts: string[];
}

const same = jsonEqual;

/**
 * Three-way merge of a draft into a config that moved on since the draft was opened: an entity
 * (or object section) changed only on one side takes that side; changed identically on both is
 * fine; changed differently on both is a conflict. Entities are matched by `_id`.
 */
export function mergeDraft(base: AppConfig, draft: AppConfig, current: AppConfig): MergeResult {
  const conflicts: string[] = [];
  const merged = structuredClone(current);
  for (const section of ENTITY_SECTIONS) {
    (merged[section] as Entity[]) = mergeEntities(
      section,
      base[section],
      draft[section],
      current[section],
      conflicts,
    );
  }
  for (const section of OBJECT_SECTIONS) {
    const b = base[section];
    const d = draft[section];
    const c = current[section];
    if (same(d, b) || same(d, c)) continue;
    if (same(c, b)) (merged as unknown as Record<string, unknown>)[section] = structuredClone(d);
    else conflicts.push(`${section} was changed both in the draft and by a later deployment`);
  }
  return { config: merged, conflicts };
}

function mergeEntities(
  section: EntitySection,
  base: readonly Entity[],
  draft: readonly Entity[],
  current: readonly Entity[],
  conflicts: string[],
): Entity[] {
  const byId = (list: readonly Entity[]) => new Map(list.map((e) => [e._id, e]));
  const b = byId(base);
  const d = byId(draft);
  const c = byId(current);
  const ids = [...c.keys(), ...[...d.keys()].filter((id) => !c.has(id))];
  const out: Entity[] = [];
  for (const id of ids) {
    const be = b.get(id);
    const de = d.get(id);
    const ce = c.get(id);
    let pick: Entity | undefined;
    if (same(de, be)) pick = ce;
    else if (same(ce, be) || same(de, ce)) pick = de;
    else {
      conflicts.push(
        `${section} "${(de ?? ce ?? be)?.name ?? id}" was changed both in the draft and by a later deployment`,
      );
      pick = ce;
    }
    if (pick) out.push(structuredClone(pick));
  }
  return out;
}

import { jsonEqual } from '../../app-config/json-equal';
import { newEntityId } from '../../app-config/entities';
import { AppError, InvalidInputError } from '../../errors/app-error';

/** The argument type of a wire-to-model mapper: what a document part is checked to be. */
export type Wire<T> = Parameters<T extends (body: infer B) => unknown ? (b: B) => void : never>[0];

/**
 * Runs `check` for one part of the document; its error is rethrown with the file (and entity)
 * it concerns in front, e.g. `functions/config.json: "onLogin": function source has a syntax
 * error ...`, keeping its kind and code.
 */
export function inPart<T>(where: string, check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof AppError && !err.message.startsWith(where)) {
      err.message = `${where}: ${err.message}`;
    }
    throw err;
  }
}

/**
 * The entity to store for `name`: the current one when nothing but what `build` derives from the
 * document changed (so unchanged entities keep their `last_modified` and compare equal), else the
 * built one under the current id (replace-by-name), or under a new id for a new name.
 */
export function keepOrReplace<T extends { _id: string; name: string; last_modified?: number }>(
  current: readonly T[] | ReadonlyMap<string, T>,
  name: string,
  build: (id: string, lastModified: number | undefined) => T,
  now: number,
): T {
  const old = isList(current) ? current.find((e) => e.name === name) : current.get(name);
  if (old) {
    const same = build(old._id, old.last_modified);
    if (jsonEqual(same, old)) return old;
    return build(old._id, old.last_modified === undefined ? undefined : now);
  }
  return build(newEntityId(), now);
}

function isList<T>(items: readonly T[] | ReadonlyMap<string, T>): items is readonly T[] {
  return Array.isArray(items);
}

/** The first item of each name: for a long section, whose items are looked up one by one. */
export function byName<T extends { name: string }>(list: readonly T[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const e of list) if (!map.has(e.name)) map.set(e.name, e);
  return map;
}

export function uniqueNames(where: string, names: string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new InvalidInputError(`${where}: "${name}" is defined twice`);
    seen.add(name);
  }
}

/**
 * The imported list in the order of the current config: items it had stay where they were (the
 * Admin API lists them in creation order), new ones follow in the document's order. So an
 * import that changes nothing but the order (an export lists by name) leaves the config equal.
 */
export function inCurrentOrder<T extends { _id: string }>(current: readonly T[], next: T[]): T[] {
  const position = new Map(current.map((e, i) => [e._id, i]));
  const kept = next.filter((e) => position.has(e._id));
  kept.sort((a, b) => (position.get(a._id) ?? 0) - (position.get(b._id) ?? 0));
  return [...kept, ...next.filter((e) => !position.has(e._id))];
}

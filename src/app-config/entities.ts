import { newObjectIdHex } from '../db/object-id';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors/app-error';
import type { ErrorCode } from '../errors/error-codes';
import type { AppConfig, EntitySection } from './app-config.types';

/** An element of a config section that is a list of named entities. */
export interface NamedEntity {
  _id: string;
  name: string;
}

/** How one kind of entity is named in messages and which codes its failures carry. */
export interface EntityKind {
  /** Singular, lower case, e.g. "value", "data source". */
  readonly label: string;
  readonly notFound: ErrorCode;
  readonly duplicate: ErrorCode;
}

/**
 * The App Services rule for value, function and data source names: a letter first, then ASCII
 * letters, digits, `_` and `-`, at most 64 characters in all.
 */
const ENTITY_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

function checkEntityName(kind: EntityKind, name: string): void {
  if (!ENTITY_NAME.test(name)) {
    throw new InvalidInputError(
      `invalid ${kind.label} name "${name}": start with a letter and use at most 64 ASCII letters, digits, "_" or "-"`,
    );
  }
}

export function newEntityId(): string {
  return newObjectIdHex();
}

/** The index of the entity with this id (path ids may arrive in upper case), or a NotFoundError. */
function entityIndex(list: readonly NamedEntity[], id: string, kind: EntityKind): number {
  const wanted = id.toLowerCase();
  const index = list.findIndex((e) => e._id === wanted);
  if (index < 0) throw new NotFoundError(`${kind.label} not found: "${id}"`, kind.notFound);
  return index;
}

function findEntity<T extends NamedEntity>(list: readonly T[], id: string, kind: EntityKind): T {
  return list[entityIndex(list, id, kind)] as T;
}

/** Refuses a name another entity of the list (other than `exceptId`) already has. */
function ensureUniqueName(
  list: readonly NamedEntity[],
  name: string,
  kind: EntityKind,
  exceptId?: string,
): void {
  if (list.some((e) => e.name === name && e._id !== exceptId)) {
    const article = /^[aeiou]/.test(kind.label) ? 'an' : 'a';
    throw new ConflictError(
      `${article} ${kind.label} named "${name}" already exists`,
      kind.duplicate,
    );
  }
}

/** The sections of AppConfig whose elements are `T`s. */
type SectionOf<T> = {
  [K in EntitySection]: AppConfig[K] extends T[] ? K : never;
}[EntitySection];

/**
 * One list section of the app config with its kind: lookups by id (404 with the kind's code) and
 * the rule that names are unique in the list. Services keep their own rules and call these.
 */
export class EntityList<T extends NamedEntity> {
  constructor(
    private readonly section: SectionOf<T>,
    readonly kind: EntityKind,
  ) {}

  of(config: AppConfig): T[] {
    return config[this.section] as unknown as T[]; // SectionOf<T> admits only sections of Ts
  }

  find(config: AppConfig, id: string): T {
    return findEntity(this.of(config), id, this.kind);
  }

  checkName(name: string): void {
    checkEntityName(this.kind, name);
  }

  /** Adds the entity `make` builds, after checking that `name` is free. */
  add(config: AppConfig, name: string, make: () => T): T {
    const list = this.of(config);
    ensureUniqueName(list, name, this.kind);
    const entity = make();
    list.push(entity);
    return entity;
  }

  /**
   * Replaces the entity with this id by the one `make` builds from it, after checking that its new
   * `name` is free (its own name is; `undefined` when the name does not change).
   */
  replace(config: AppConfig, id: string, name: string | undefined, make: (current: T) => T): T {
    const list = this.of(config);
    const index = entityIndex(list, id, this.kind);
    const current = list[index] as T;
    if (name !== undefined) ensureUniqueName(list, name, this.kind, current._id);
    const next = make(current);
    list[index] = next;
    return next;
  }

  /** Removes the entity with this id; `check` may refuse (throw) first. */
  remove(config: AppConfig, id: string, check?: (current: T) => void): void {
    const list = this.of(config);
    const index = entityIndex(list, id, this.kind);
    check?.(list[index] as T);
    list.splice(index, 1);
  }
}

export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/**
 * Resolves a reference given by id and/or by name (the API form and the config-file form) to an
 * id: `undefined` when neither is given, `""` when the reference is cleared with an empty string.
 * An unknown id or name, or an id and a name that disagree, is the caller's mistake (400).
 */
export function referenceId(
  list: readonly NamedEntity[],
  ref: { id?: string; name?: string },
  kind: EntityKind,
): string | undefined {
  const byId =
    ref.id === undefined || ref.id === '' ? ref.id : findReferenced(list, ref.id, '_id', kind);
  const byName =
    ref.name === undefined || ref.name === ''
      ? ref.name
      : findReferenced(list, ref.name, 'name', kind);
  if (byId !== undefined && byName !== undefined && byId !== byName) {
    throw new InvalidInputError(
      `the ${kind.label} id and name given name different ${kind.label}s`,
    );
  }
  return byId ?? byName;
}

function findReferenced(
  list: readonly NamedEntity[],
  wanted: string,
  field: '_id' | 'name',
  kind: EntityKind,
): string {
  const key = field === '_id' ? wanted.toLowerCase() : wanted;
  const found = list.find((e) => e[field] === key);
  if (!found) throw new InvalidInputError(`${kind.label} not found: "${wanted}"`, kind.notFound);
  return found._id;
}

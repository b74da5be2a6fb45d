import { BSON, ObjectId, type Document } from 'bson';
import { update as simulate } from 'mingo';
import type { Collection, Filter } from 'mongodb';
import { isPlainObject, type CollectionPolicy } from '../rules/collection-policy';
import { RuledRequestError, checkQuery, visibleDocuments, type Visible } from './ruled-reads';
import { KeyedLock } from './keyed-lock';
import { UPDATE_OPERATORS, changedPaths, plain, updatedPaths } from './ruled-values';

/** One process's lock per document (see KeyedLock). */
const documentLocks = new KeyedLock();
const lockKey = (coll: Collection, id: unknown) =>
  `${coll.dbName}\0${coll.collectionName}\0${JSON.stringify(id)}`;

/** How often a write re-reads a document that changed between its check and its write. */
const ATTEMPTS = 3;

export type Change = { update: Document } | { replacement: Document };

/** A deep copy that keeps BSON types (ObjectId, Date, Decimal128...). */
const copy = (doc: Document): Document => BSON.deserialize(BSON.serialize(doc));

export function checkUpdateDocument(update: unknown, what: string): Document {
  if (Array.isArray(update))
    throw new RuledRequestError(
      `${what}: an aggregation pipeline update is not allowed for a user's request`,
    );
  if (!isPlainObject(update) || Object.keys(update).length === 0)
    throw new RuledRequestError(`${what}: the update must be a non-empty object`);
  for (const op of Object.keys(update)) {
    if (!UPDATE_OPERATORS.has(op))
      throw new RuledRequestError(
        op.startsWith('$')
          ? `${what}: the update operator ${op} is not allowed`
          : `${what}: the update must use update operators ($set, $inc...)`,
      );
  }
  checkQuery(update, what);
  return update;
}

export function checkReplacement(replacement: unknown, what: string): Document {
  if (!isPlainObject(replacement))
    throw new RuledRequestError(`${what}: the replacement must be an object`);
  if (Object.keys(replacement).some((k) => k.startsWith('$')))
    throw new RuledRequestError(`${what}: the replacement cannot contain update operators`);
  return replacement;
}

/** Runs mingo's updater; what it refuses (an `_id` change, a bad path) is the request's fault. */
function simulated<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    throw new RuledRequestError(err instanceof Error ? err.message : String(err));
  }
}

/** Sets `path` (dotted) of `doc` to `value`, as an upsert takes a query's equality. */
function setPath(doc: Document, path: string, value: unknown): void {
  if (!path.includes('.')) doc[path] = value;
  else simulated(() => simulate(doc, { $set: { [path]: value } }));
}

/** The document a change makes of `stored`, and the paths it touches. */
function apply(
  stored: Document,
  change: Change,
  arrayFilters: Document[] | undefined,
  query: Document,
): { after: Document; changed: string[] } {
  if ('replacement' in change) {
    const after: Document = {
      ...(plain(change.replacement) as Document),
      _id: stored._id as unknown,
    };
    return { after, changed: changedPaths(stored, after) };
  }
  const after = copy(stored);
  const modifier = plain(change.update) as Document;
  const { $setOnInsert: _, ...onUpdate } = modifier;
  simulated(() =>
    simulate(
      after,
      onUpdate,
      arrayFilters ? (plain(arrayFilters) as Document[]) : undefined,
      plain(query) as Document,
      { cloneMode: 'deep' },
    ),
  );
  const changed = [...new Set([...changedPaths(stored, after), ...updatedPaths(onUpdate)])];
  return { after, changed };
}

/**
 * A filter that matches the document only as it was read: by `_id` and the value of each of its
 * top-level fields. A write through it changes nothing if the document changed since its check.
 */
function asRead(stored: Document, query: Document): Filter<Document> {
  const same: Document = { _id: stored._id as unknown };
  for (const [k, v] of Object.entries(stored) as [string, unknown][])
    if (k !== '_id' && !k.startsWith('$') && !k.includes('.')) same[k] = { $eq: v };
  return Object.keys(query).length > 0 ? { $and: [query, same] } : same;
}

/**
 * Updates (or replaces) the first visible document the query matches, after checking the change
 * against the rules; retried on a fresh read when the document changed in between. Returns the
 * document before and after, or undefined when nothing visible matched.
 */
export async function changeOne(
  coll: Collection,
  policy: CollectionPolicy,
  query: Document,
  change: Change,
  options: { sort?: Document; arrayFilters?: Document[] },
): Promise<{ before: Visible; after: Document; modified: boolean } | undefined> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const first = await firstVisible(coll, policy, query, options.sort);
    if (!first) return undefined;
    const done = await documentLocks.run(lockKey(coll, first.stored._id), async () => {
      // Read again under the lock: another request of this process may have just written it.
      const id: unknown = first.stored._id;
      const found = await firstVisible(coll, policy, { $and: [query, { _id: id }] });
      if (!found) return 'gone' as const;
      const { after, changed } = apply(found.stored, change, options.arrayFilters, query);
      if (changed.length === 0) return { before: found, after, modified: false };
      await policy.checkWrite(found.stored, after, changed);
      const filter = asRead(found.stored, 'update' in change ? query : {});
      const r =
        'update' in change
          ? await coll.updateOne(filter, stripSetOnInsert(change.update), {
              ...(options.arrayFilters ? { arrayFilters: options.arrayFilters } : {}),
            })
          : await coll.replaceOne(filter, change.replacement);
      return r.matchedCount === 1
        ? { before: found, after, modified: r.modifiedCount === 1 }
        : undefined;
    });
    if (done && done !== 'gone') return done;
  }
  throw new RuledRequestError('the document changed while it was being written; try again');
}

async function firstVisible(
  coll: Collection,
  policy: CollectionPolicy,
  query: Document,
  sort?: Document,
): Promise<Visible | undefined> {
  for await (const v of visibleDocuments(coll, policy, query, { limit: 1, sort })) return v;
  return undefined;
}

/** `$setOnInsert` applies only to an upsert's insert. */
function stripSetOnInsert(update: Document): Document {
  const { $setOnInsert: _, ...rest } = update;
  return rest;
}

/** Updates every visible document the query matches; all are checked before any is written. */
export async function changeMany(
  coll: Collection,
  policy: CollectionPolicy,
  query: Document,
  update: Document,
  arrayFilters: Document[] | undefined,
): Promise<{ matched: number; modified: number }> {
  const planned: { stored: Document }[] = [];
  for await (const v of visibleDocuments(coll, policy, query)) {
    const { after, changed } = apply(v.stored, { update }, arrayFilters, query);
    if (changed.length > 0) await policy.checkWrite(v.stored, after, changed);
    planned.push({ stored: v.stored });
  }
  let modified = 0;
  for (const { stored } of planned) {
    const r = await documentLocks.run(lockKey(coll, stored._id), () =>
      coll.updateOne(asRead(stored, query), stripSetOnInsert(update), {
        ...(arrayFilters ? { arrayFilters } : {}),
      }),
    );
    if (r.matchedCount === 1) modified += r.modifiedCount;
    else {
      const again = await changeOne(
        coll,
        policy,
        { _id: stored._id as unknown },
        { update },
        { arrayFilters },
      );
      if (again?.modified) modified++;
    }
  }
  return { matched: planned.length, modified };
}

/**
 * The document an upsert inserts when nothing visible matches: the query's equality fields, then
 * the update (with `$setOnInsert`) or the replacement, and a new `_id` unless one is given.
 */
export function upsertDocument(query: Document, change: Change): Document {
  const doc: Document = {};
  const equalities = (q: Document) => {
    for (const [k, v] of Object.entries(q) as [string, unknown][]) {
      if (k === '$and' && Array.isArray(v)) v.forEach((c) => isPlainObject(c) && equalities(c));
      else if (k.startsWith('$')) continue;
      else if (isPlainObject(v) && Object.keys(v).some((o) => o.startsWith('$'))) {
        if ('$eq' in v) setPath(doc, k, v.$eq);
      } else setPath(doc, k, v);
    }
  };
  if ('replacement' in change) {
    equalities(query);
    const id: unknown = doc._id;
    return { ...(id !== undefined ? { _id: id } : { _id: new ObjectId() }), ...change.replacement };
  }
  equalities(query);
  const { $setOnInsert, ...rest } = change.update;
  simulated(() => simulate(doc, rest));
  if (isPlainObject($setOnInsert)) simulated(() => simulate(doc, { $set: $setOnInsert }));
  if (doc._id === undefined) doc._id = new ObjectId();
  return doc;
}

/** Inserts after checking every document against the rules (all before any is written). */
export async function insertChecked(
  coll: Collection,
  policy: CollectionPolicy,
  docs: Document[],
): Promise<unknown[]> {
  const withIds = docs.map((d) => ('_id' in d ? d : { _id: new ObjectId(), ...d }));
  for (const d of withIds) await policy.checkInsert(plain(d) as Document);
  if (withIds.length === 1) await coll.insertOne(withIds[0] as Document);
  else await coll.insertMany(withIds);
  return withIds.map((d) => d._id as unknown);
}

/** Deletes the first (`one`) or every visible matching document the rules let the user delete. */
export async function deleteChecked(
  coll: Collection,
  policy: CollectionPolicy,
  query: Document,
  one: boolean,
  sort?: Document,
): Promise<{ deleted: number; first?: Visible }> {
  const found: Visible[] = [];
  for await (const v of visibleDocuments(coll, policy, query, {
    ...(one ? { limit: 1 } : {}),
    sort,
  }))
    found.push(v);
  for (const v of found) await policy.checkDelete(v.stored);
  let deleted = 0;
  for (const v of found) deleted += (await coll.deleteOne(asRead(v.stored, {}))).deletedCount;
  return { deleted, ...(found[0] ? { first: found[0] } : {}) };
}

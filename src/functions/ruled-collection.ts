import type { Document } from 'bson';
import type { Collection } from 'mongodb';
import type { CollectionPolicy } from '../rules/collection-policy';
import {
  RuledRequestError,
  aggregateVisible,
  applyProjection,
  countVisible,
  distinctVisible,
  findVisible,
  visibleDocuments,
} from './ruled-reads';
import {
  changeMany,
  changeOne,
  checkReplacement,
  checkUpdateDocument,
  deleteChecked,
  insertChecked,
  upsertDocument,
  type Change,
} from './ruled-writes';
import { plain } from './ruled-values';

type Args = readonly unknown[];

const isObject = (v: unknown): v is Document =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function objectArg(method: string, args: Args, index: number, what: string): Document {
  const v = args[index];
  if (v === undefined || v === null) return {};
  if (!isObject(v)) throw new RuledRequestError(`${method}: ${what} must be an object`);
  return v;
}

function num(name: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = plain(value);
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
    throw new RuledRequestError(`${name} must be a non-negative integer`);
  return n;
}

function readOptions(method: string, args: Args, index: number) {
  const o = objectArg(method, args, index, 'the options');
  return {
    ...(isObject(o.sort) ? { sort: o.sort } : {}),
    ...(isObject(o.projection) ? { projection: o.projection } : {}),
    ...(num('skip', o.skip) !== undefined ? { skip: num('skip', o.skip) } : {}),
    ...(num('limit', o.limit) !== undefined ? { limit: num('limit', o.limit) } : {}),
  };
}

/**
 * Runs one collection method (the functions' API: `find(filter, options)`, `updateOne(filter,
 * update, options)`...) under the collection's rules for a user's request. Results are shaped
 * as the driver's (and App Services') answers.
 */
export async function runRuled(
  coll: Collection,
  policy: CollectionPolicy,
  method: string,
  args: Args,
): Promise<unknown> {
  const filter = (i: number) => objectArg(method, args, i, 'the filter');
  switch (method) {
    case 'find':
      return findVisible(coll, policy, filter(0), readOptions(method, args, 1));
    case 'findOne': {
      const o = readOptions(method, args, 1);
      const [doc] = await findVisible(coll, policy, filter(0), { ...o, limit: 1 });
      return doc ?? null;
    }
    case 'count':
      return countVisible(coll, policy, filter(0), readOptions(method, args, 1));
    case 'distinct':
      if (typeof args[0] !== 'string')
        throw new RuledRequestError('distinct: the field must be a string');
      return distinctVisible(coll, policy, args[0], filter(1));
    case 'aggregate': {
      const pipeline = args[0];
      if (!Array.isArray(pipeline) || !pipeline.every(isObject))
        throw new RuledRequestError('aggregate: the pipeline must be an array of stages');
      return aggregateVisible(coll, policy, pipeline);
    }
    case 'insertOne': {
      if (!isObject(args[0]))
        throw new RuledRequestError('insertOne: the document must be an object');
      const [insertedId] = await insertChecked(coll, policy, [args[0]]);
      return { insertedId };
    }
    case 'insertMany': {
      const docs = args[0];
      if (!Array.isArray(docs) || docs.length === 0 || !docs.every(isObject))
        throw new RuledRequestError(
          'insertMany: the documents must be a non-empty array of objects',
        );
      return { insertedIds: await insertChecked(coll, policy, docs) };
    }
    case 'updateOne':
    case 'updateMany':
      return update(coll, policy, method, filter(0), args);
    case 'findOneAndUpdate':
    case 'findOneAndReplace':
      return findAndChange(coll, policy, method, filter(0), args);
    case 'deleteOne':
    case 'deleteMany': {
      const { deleted } = await deleteChecked(coll, policy, filter(0), method === 'deleteOne');
      return { deletedCount: deleted };
    }
    case 'findOneAndDelete': {
      const o = readOptions(method, args, 1);
      const { first } = await deleteChecked(coll, policy, filter(0), true, o.sort);
      return first ? applyProjection(first.readable, o.projection) : null;
    }
    default:
      throw new RuledRequestError(`unsupported collection method "${method}"`);
  }
}

async function update(
  coll: Collection,
  policy: CollectionPolicy,
  method: 'updateOne' | 'updateMany',
  query: Document,
  args: Args,
): Promise<unknown> {
  const upd = checkUpdateDocument(args[1], method);
  const o = objectArg(method, args, 2, 'the options');
  const arrayFilters = Array.isArray(o.arrayFilters) ? (o.arrayFilters as Document[]) : undefined;
  if (method === 'updateMany') {
    const r = await changeMany(coll, policy, query, upd, arrayFilters);
    if (r.matched > 0 || o.upsert !== true)
      return { matchedCount: r.matched, modifiedCount: r.modified };
  } else {
    const r = await changeOne(coll, policy, query, { update: upd }, { arrayFilters });
    if (r || o.upsert !== true)
      return { matchedCount: r ? 1 : 0, modifiedCount: r?.modified ? 1 : 0 };
  }
  const [upsertedId] = await insertChecked(coll, policy, [upsertDocument(query, { update: upd })]);
  return { matchedCount: 0, modifiedCount: 0, upsertedId };
}

/**
 * findOneAndUpdate/findOneAndReplace: the document before the change, or after it with
 * `returnNewDocument`, as the user may read it (null when they may not, or nothing matched).
 */
async function findAndChange(
  coll: Collection,
  policy: CollectionPolicy,
  method: 'findOneAndUpdate' | 'findOneAndReplace',
  query: Document,
  args: Args,
): Promise<unknown> {
  const change: Change =
    method === 'findOneAndUpdate'
      ? { update: checkUpdateDocument(args[1], method) }
      : { replacement: checkReplacement(args[1], method) };
  const o = objectArg(method, args, 2, 'the options');
  const projection = isObject(o.projection) ? o.projection : undefined;
  const r = await changeOne(coll, policy, query, change, isObject(o.sort) ? { sort: o.sort } : {});
  if (r) {
    if (o.returnNewDocument !== true) return applyProjection(r.before.readable, projection);
    return readBack(coll, policy, r.before.stored._id, projection);
  }
  if (o.upsert !== true) return null;
  const [id] = await insertChecked(coll, policy, [upsertDocument(query, change)]);
  return o.returnNewDocument === true ? readBack(coll, policy, id, projection) : null;
}

async function readBack(
  coll: Collection,
  policy: CollectionPolicy,
  id: unknown,
  projection: Document | undefined,
): Promise<Document | null> {
  for await (const v of visibleDocuments(coll, policy, { _id: id }, { limit: 1 }))
    return applyProjection(v.readable, projection);
  return null;
}

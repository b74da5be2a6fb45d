import { calculateObjectSize, type Document } from 'bson';
import { Aggregator, find as project } from 'mingo';
import type { Collection, Filter } from 'mongodb';
import { queriedPaths, type CollectionPolicy } from '../rules/collection-policy';
import { CompiledQueries } from '../rules/compiled-queries';
import { plain, refusedOperator } from './ruled-values';

/** A request the rules engine cannot run (its message reaches the caller as a 400). */
export class RuledRequestError extends Error {}

/** A find or aggregate returns at most this much (BSON bytes), like a 16 MiB document. */
export const MAX_RESULT_BYTES = 16 * 1024 * 1024;
/** The visible documents an aggregation may start from (it runs in memory over them). */
const MAX_AGGREGATE_INPUT_BYTES = 16 * 1024 * 1024;

/** mingo never runs code from a request: `$where`, `$function` and `$accumulator` are off. */
const MINGO_OPTIONS = { scriptEnabled: false } as const;
/** Users' queries as mingo matchers (a user's query of their own documents recurs). */
const matchers = new CompiledQueries(MINGO_OPTIONS);

/** Pipeline stages that read other collections, write, or search outside the rules. */
const REFUSED_STAGES = new Set([
  '$lookup',
  '$graphLookup',
  '$unionWith',
  '$out',
  '$merge',
  '$facet',
  '$search',
  '$searchMeta',
  '$vectorSearch',
  '$changeStream',
  '$collStats',
  '$indexStats',
  '$currentOp',
  '$listSessions',
  '$listLocalSessions',
  '$planCacheStats',
  '$documents',
]);

export interface ReadOptions {
  sort?: Document;
  skip?: number;
  limit?: number;
  projection?: Document;
}

/** One visible document: as stored (for write checks) and as the user may read it. */
export interface Visible {
  stored: Document;
  readable: Document;
}

export function checkQuery(query: Document, what: string): void {
  const refused = refusedOperator(query);
  if (refused) throw new RuledRequestError(`${what}: ${refused} is not allowed`);
}

/**
 * Reads the collection as the rules let this user: the query and the applying filters go to the
 * database; each document then gets its role, loses the fields the user may not read, and must
 * still match the query without them (so a query on a hidden field matches as if it were
 * absent, and cannot be used to probe it). `skip`/`limit` count visible documents only.
 */
export async function* visibleDocuments(
  coll: Collection,
  policy: CollectionPolicy,
  query: Document,
  options: ReadOptions = {},
): AsyncGenerator<Visible> {
  checkQuery(query, 'query');
  const filters = await policy.filters();
  const dbQuery = (filters.query ? { $and: [query, filters.query] } : query) as Filter<Document>;
  const matcher = matchers.get(plain(query) as Document);
  // A query or a sort on a hidden field matches nothing (see CollectionPolicy.readable).
  const queried = [...queriedPaths(query), ...Object.keys(options.sort ?? {})];
  let skip = options.skip ?? 0;
  let left = options.limit && options.limit > 0 ? options.limit : Infinity;
  const cursor = coll.find(dbQuery, options.sort ? { sort: options.sort } : {});
  try {
    for await (const stored of cursor) {
      const readable = await policy.readable(stored, queried);
      if (!readable || !matcher.test(readable)) continue;
      if (skip > 0) {
        skip--;
        continue;
      }
      yield { stored, readable: applyProjection(readable, filters.projection) };
      if (--left <= 0) return;
    }
  } finally {
    await cursor.close();
  }
}

/** The document with a projection applied (mingo, on what the user may already read). */
export function applyProjection(doc: Document, projection: Document | undefined): Document {
  if (!projection || Object.keys(projection).length === 0) return doc;
  const [projected] = project([doc], {}, plain(projection) as Document, MINGO_OPTIONS).all();
  return projected ?? {};
}

export async function findVisible(
  coll: Collection,
  policy: CollectionPolicy,
  query: Document,
  options: ReadOptions,
): Promise<Document[]> {
  const out: Document[] = [];
  let bytes = 0;
  for await (const { readable } of visibleDocuments(coll, policy, query, options)) {
    const doc = applyProjection(readable, options.projection);
    bytes += calculateObjectSize(doc);
    if (bytes > MAX_RESULT_BYTES)
      throw new RuledRequestError('the result is larger than 16 MiB; use limit() or a projection');
    out.push(doc);
  }
  return out;
}

export async function countVisible(
  coll: Collection,
  policy: CollectionPolicy,
  query: Document,
  options: ReadOptions,
): Promise<number> {
  let n = 0;
  for await (const _ of visibleDocuments(coll, policy, query, options)) n++;
  return n;
}

/**
 * An aggregation over the documents the user may read: a leading `$match` also narrows what is
 * read from the database; the pipeline then runs in memory (mingo) over the visible documents
 * with their hidden fields removed, so no stage can see what the rules hide. Stages that reach
 * other collections, write, or search are refused.
 */
export async function aggregateVisible(
  coll: Collection,
  policy: CollectionPolicy,
  pipeline: Document[],
): Promise<Document[]> {
  for (const stage of pipeline) {
    const [name] = Object.keys(stage);
    if (name === undefined || Object.keys(stage).length !== 1)
      throw new RuledRequestError('aggregate: each stage must have exactly one field');
    if (REFUSED_STAGES.has(name))
      throw new RuledRequestError(
        `aggregate: ${name} is not allowed for a user's request: it would bypass the collection rules`,
      );
  }
  checkQuery(pipeline, 'aggregate');
  const first = pipeline[0];
  const leadingMatch =
    first && '$match' in first && typeof first.$match === 'object'
      ? (first.$match as Document)
      : {};
  const input: Document[] = [];
  let bytes = 0;
  for await (const { readable } of visibleDocuments(coll, policy, leadingMatch)) {
    bytes += calculateObjectSize(readable);
    if (bytes > MAX_AGGREGATE_INPUT_BYTES)
      throw new RuledRequestError(
        'aggregate: more than 16 MiB of documents match; start the pipeline with a narrower $match',
      );
    input.push(readable);
  }
  const rest = leadingMatch === first?.$match ? pipeline.slice(1) : pipeline;
  const out = new Aggregator(plain(rest) as Document[], MINGO_OPTIONS).run<Document>(input);
  let outBytes = 0;
  for (const d of out) {
    outBytes += calculateObjectSize(d);
    if (outBytes > MAX_RESULT_BYTES)
      throw new RuledRequestError('the result is larger than 16 MiB; add a $limit or a $project');
  }
  return out;
}

/** Distinct values of a field among the documents the user may read. */
export async function distinctVisible(
  coll: Collection,
  policy: CollectionPolicy,
  field: string,
  query: Document,
): Promise<unknown[]> {
  const docs: Document[] = [];
  for await (const { readable } of visibleDocuments(coll, policy, query)) docs.push(readable);
  const groups = new Aggregator(
    [
      { $unwind: { path: `$${field}`, preserveNullAndEmptyArrays: false } },
      { $group: { _id: `$${field}` } },
    ],
    MINGO_OPTIONS,
  ).run<Document>(docs);
  return groups.map((g) => g._id as unknown);
}

import { calculateObjectSize, type Document } from 'bson';
import { MongoServerError, type Collection, type Db, type Filter } from 'mongodb';
import type { DeployedApp } from '../app-config/deployed-app';
import type { DataSourceClaims } from '../domain/data-sources/data-source-claims';
import type { DataSources } from '../domain/data-sources/data-sources';
import {
  CollectionPolicy,
  RuleDenied,
  ruleSetFor,
  type RequestContext,
} from '../rules/collection-policy';
import { runRuled } from './ruled-collection';

/** What one collection request from a function asks for (decoded from Extended JSON). */
export interface CollectionRequest {
  service: string;
  database: string;
  collection: string;
  method: string;
  args: unknown[];
}

/** A user-facing failure of a collection request: its message reaches the function as an Error. */
export class DataAccessError extends Error {}

/** The database refused a rule-checked request (a duplicate key, an invalid update...). */
export class DatabaseError extends DataAccessError {}

/** A find or aggregate returns at most this much (BSON bytes), like a 16 MiB document. */
const MAX_RESULT_BYTES = 16 * 1024 * 1024;
/** Databases of the built-in cluster no function may use, beyond the server's own. */
const RESERVED_DATABASES = new Set(['admin', 'local', 'config']);
const VALID_NAME = /^[^/\\. "$*<>:|?\0]{1,63}$/;
const VALID_COLLECTION = /^(?!system\.)[^$\0]{1,120}$/;
/** Stages that read or write outside the collection's database or inspect the server. */
const REFUSED_STAGES = new Set([
  '$currentOp',
  '$listSessions',
  '$listLocalSessions',
  '$planCacheStats',
  '$collStats',
  '$indexStats',
]);

/**
 * Runs functions' collection requests against the app's data sources.
 *
 * Tenancy: on this server's own cluster (the built-in source, or a URI naming it; see
 * DataSources.open) a database belongs to the first app that uses it from a function,
 * recorded by a unique insert in `data_source_claims`; other apps' functions are refused it, and
 * no function may use the server's own database or admin/local/config. A source with a URI of
 * another cluster is the app's own and is not restricted.
 */
export class DataAccess {
  private readonly owned = new Set<string>();

  constructor(
    private readonly sources: DataSources,
    private readonly claims: DataSourceClaims,
  ) {}

  /**
   * Runs the request; with `rules` (a user's request: a client's SDK call, or a function that
   * does not run as system) under the collection's rules, else with full access.
   */
  async run(app: DeployedApp, req: CollectionRequest, rules?: RequestContext): Promise<unknown> {
    const service = app.config.services.find((s) => s.name === req.service);
    if (!service) throw new DataAccessError(`service "${req.service}" not found`);
    if (!VALID_NAME.test(req.database))
      throw new DataAccessError(`invalid database name "${req.database}"`);
    if (!VALID_COLLECTION.test(req.collection))
      throw new DataAccessError(`invalid collection name "${req.collection}"`);
    const { db, shared } = await this.sources.open(app.appId, service, req.database);
    if (shared) await this.checkSharedDatabase(app.appId, req.database);
    if (!rules) return runMethod(db, db.collection(req.collection), req);
    const ruleSet = ruleSetFor(app.config, service._id, req.database, req.collection);
    if (!ruleSet)
      throw new RuleDenied(`no rule exists for namespace '${req.database}.${req.collection}'`);
    const policy = new CollectionPolicy(ruleSet, rules);
    try {
      return await runRuled(db.collection(req.collection), policy, req.method, req.args);
    } catch (err) {
      if (err instanceof MongoServerError) throw new DatabaseError(err.message);
      throw err;
    }
  }

  private async checkSharedDatabase(appId: string, database: string): Promise<void> {
    const key = `${appId}\0${database}`;
    if (this.owned.has(key)) return;
    if (database === this.claims.serverDatabase || RESERVED_DATABASES.has(database.toLowerCase())) {
      throw new DataAccessError(`database "${database}" is reserved by the server`);
    }
    if ((await this.claims.ownerOf(appId, database)) !== appId) {
      throw new DataAccessError(
        `database "${database}" belongs to another app on this server's built-in data source`,
      );
    }
    this.owned.add(key);
  }
}

const isObject = (v: unknown): v is Document =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function objectArg(req: CollectionRequest, index: number, what: string): Document {
  const v = req.args[index];
  if (v === undefined || v === null) return {};
  if (!isObject(v)) throw new DataAccessError(`${req.method}: ${what} must be an object`);
  return v;
}

function requiredObject(req: CollectionRequest, index: number, what: string): Document {
  const v = req.args[index];
  if (!isObject(v)) throw new DataAccessError(`${req.method}: ${what} must be an object`);
  return v;
}

/** Options the driver reads only as JS numbers: it silently ignores a BSON Int32 or Long. */
const NUMERIC_OPTIONS = new Set(['limit', 'skip']);

/** A number from the isolate (canonical Extended JSON: Int32, Double or Long) as a JS number. */
function plainNumber(name: string, value: unknown): number {
  if (typeof value === 'number') return value;
  const type = (value as { _bsontype?: unknown } | null)?._bsontype;
  if (type === 'Int32' || type === 'Double' || type === 'Long') return Number(value);
  throw new DataAccessError(`${name} must be a number`);
}

/** Only the options App Services documents, so a function cannot pass driver internals. */
function pick(options: Document, names: readonly string[]): Document {
  const out: Document = {};
  for (const n of names) {
    const value: unknown = options[n];
    if (value !== undefined) out[n] = NUMERIC_OPTIONS.has(n) ? plainNumber(n, value) : value;
  }
  return out;
}

async function collect(cursor: AsyncIterable<Document>): Promise<Document[]> {
  const docs: Document[] = [];
  let bytes = 0;
  for await (const doc of cursor) {
    bytes += calculateObjectSize(doc);
    if (bytes > MAX_RESULT_BYTES)
      throw new DataAccessError('the result is larger than 16 MiB; use limit() or a projection');
    docs.push(doc);
  }
  return docs;
}

function checkPipeline(req: CollectionRequest, db: Db): Document[] {
  const pipeline = req.args[0];
  if (!Array.isArray(pipeline) || !pipeline.every(isObject))
    throw new DataAccessError('aggregate: the pipeline must be an array of stages');
  for (const stage of pipeline) {
    const [name] = Object.keys(stage);
    if (name && REFUSED_STAGES.has(name))
      throw new DataAccessError(`aggregate: ${name} is not allowed`);
    const target: unknown = name === '$out' || name === '$merge' ? stage[name] : undefined;
    const into: unknown = isObject(target)
      ? ((target.db as unknown) ??
        (isObject(target.into) ? (target.into.db as unknown) : undefined))
      : undefined;
    if (into !== undefined && into !== db.databaseName)
      throw new DataAccessError(
        `aggregate: ${name} may only write to database "${db.databaseName}"`,
      );
  }
  return pipeline;
}

function returnNewDocument(options: Document): Document {
  const out = pick(options, ['sort', 'projection', 'upsert']);
  if (options.returnNewDocument === true) out.returnDocument = 'after';
  return out;
}

async function runMethod(db: Db, coll: Collection, req: CollectionRequest): Promise<unknown> {
  const filter = (i: number) => objectArg(req, i, 'the filter') as Filter<Document>;
  const options = (i: number) => objectArg(req, i, 'the options');
  switch (req.method) {
    case 'findOne':
      return coll.findOne(filter(0), pick(options(1), ['projection', 'sort', 'skip']));
    case 'find': {
      const o = pick(options(1), ['projection', 'sort', 'limit', 'skip']);
      return collect(coll.find(filter(0), o));
    }
    case 'aggregate':
      return collect(coll.aggregate(checkPipeline(req, db), pick(options(1), ['allowDiskUse'])));
    case 'count':
      return coll.countDocuments(filter(0), pick(options(1), ['limit', 'skip']));
    case 'distinct': {
      if (typeof req.args[0] !== 'string')
        throw new DataAccessError('distinct: the field must be a string');
      return coll.distinct(req.args[0], filter(1));
    }
    case 'insertOne': {
      const r = await coll.insertOne(requiredObject(req, 0, 'the document'));
      return { insertedId: r.insertedId };
    }
    case 'insertMany': {
      const docs = req.args[0];
      if (!Array.isArray(docs) || docs.length === 0 || !docs.every(isObject))
        throw new DataAccessError('insertMany: the documents must be a non-empty array of objects');
      const r = await coll.insertMany(docs);
      return { insertedIds: docs.map((_, i) => r.insertedIds[i]) };
    }
    case 'updateOne':
    case 'updateMany': {
      const update = req.args[1];
      if (!isObject(update) && !Array.isArray(update))
        throw new DataAccessError(`${req.method}: the update must be an object or a pipeline`);
      const o = pick(options(2), ['upsert', 'arrayFilters']);
      const r =
        req.method === 'updateOne'
          ? await coll.updateOne(filter(0), update, o)
          : await coll.updateMany(filter(0), update, o);
      return {
        matchedCount: r.matchedCount,
        modifiedCount: r.modifiedCount,
        ...(r.upsertedId ? { upsertedId: r.upsertedId } : {}),
      };
    }
    case 'deleteOne':
      return { deletedCount: (await coll.deleteOne(filter(0))).deletedCount };
    case 'deleteMany':
      return { deletedCount: (await coll.deleteMany(filter(0))).deletedCount };
    case 'findOneAndUpdate':
      return coll.findOneAndUpdate(
        filter(0),
        requiredObject(req, 1, 'the update'),
        returnNewDocument(options(2)),
      );
    case 'findOneAndReplace':
      return coll.findOneAndReplace(
        filter(0),
        requiredObject(req, 1, 'the replacement'),
        returnNewDocument(options(2)),
      );
    case 'findOneAndDelete':
      return coll.findOneAndDelete(filter(0), pick(options(1), ['sort', 'projection']));
    default:
      throw new DataAccessError(`unsupported collection method "${req.method}"`);
  }
}

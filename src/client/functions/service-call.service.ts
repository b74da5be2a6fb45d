import { EJSON, type Document } from 'bson';
import type { DeployedApp } from '../../app-config/deployed-app';
import { ForbiddenError, InvalidInputError } from '../../errors/app-error';
import { DataAccessError, DatabaseError } from '../../functions/data-access';
import type { FunctionRunner } from '../../functions/function-runner';
import type { FunctionUsers } from '../../functions/function-users';
import { RuledRequestError } from '../../functions/ruled-reads';
import { RuleDenied } from '../../rules/collection-policy';
import { ExpressionError } from '../../rules/expression';
import type { RequestInfo } from '../../domain/app-logs/app-log';
import type { UserPrincipal } from '../../domain/sessions/user-token.service';

const isObject = (v: unknown): v is Document =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The options realm-web sends with findOneAndUpdate and findOneAndReplace. */
const findAndModifyOptions = (a: Record<string, unknown>) => ({
  sort: a.sort,
  projection: a.projection,
  upsert: a.upsert,
  returnNewDocument: a.returnNewDocument,
});

/**
 * The SDKs' MongoDB client (`user.mongoClient(service).db(d).collection(c).find(...)`): each
 * method arrives as a service function call whose one argument names the database and
 * collection and carries the method's parameters, exactly as realm-web sends them. Mapped to the
 * functions' collection API (positional arguments).
 */
const METHODS: Record<string, (a: Record<string, unknown>) => unknown[]> = {
  find: (a) => [a.query, { projection: a.project, sort: a.sort, limit: a.limit }],
  findOne: (a) => [a.query, { projection: a.project, sort: a.sort }],
  count: (a) => [a.query, { limit: a.limit }],
  aggregate: (a) => [a.pipeline],
  insertOne: (a) => [a.document],
  insertMany: (a) => [a.documents],
  updateOne: (a) => [a.query, a.update, { upsert: a.upsert, arrayFilters: a.arrayFilters }],
  updateMany: (a) => [a.query, a.update, { upsert: a.upsert, arrayFilters: a.arrayFilters }],
  deleteOne: (a) => [a.query],
  deleteMany: (a) => [a.query],
  findOneAndUpdate: (a) => [a.filter, a.update, findAndModifyOptions(a)],
  findOneAndReplace: (a) => [a.filter, a.update, findAndModifyOptions(a)],
  findOneAndDelete: (a) => [a.filter, { sort: a.sort, projection: a.projection }],
  distinct: (a) => [a.field ?? a.key, a.query],
};

/**
 * realm-web's `findOneAndDelete` sends `findOneAndReplace` without a replacement (a bug of the
 * SDK); App Services users' code relies on it deleting, so that request is a findOneAndDelete.
 */
function methodOf(name: string, arg: Record<string, unknown>): string {
  return name === 'findOneAndReplace' && arg.update === undefined ? 'findOneAndDelete' : name;
}

export class ServiceCallService {
  constructor(
    private readonly functions: FunctionRunner,
    private readonly users: FunctionUsers,
  ) {}

  /** The method's result as canonical Extended JSON. */
  async call(
    principal: UserPrincipal,
    service: string,
    name: string,
    args: unknown[],
    request: RequestInfo,
  ): Promise<string> {
    const { app } = principal;
    const arg = args[0];
    if (args.length !== 1 || !isObject(arg))
      throw new InvalidInputError(`${name}: expected one argument object`, 'InvalidParameter');
    const method = methodOf(name, arg);
    const toArgs = Object.hasOwn(METHODS, method) ? METHODS[method] : undefined;
    if (!toArgs)
      throw new InvalidInputError(
        `function "${name}" of service "${service}" is not supported`,
        'ServiceCommandNotFound',
      );
    if (typeof arg.database !== 'string' || typeof arg.collection !== 'string')
      throw new InvalidInputError(
        `${name}: database and collection are required`,
        'InvalidParameter',
      );
    checkService(app, service);
    const user = await this.users.forRules(app, principal.user, principal.identity);
    try {
      const result = await this.functions.runCollection(
        app,
        { service, database: arg.database, collection: arg.collection, method, args: toArgs(arg) },
        { user, request },
      );
      return EJSON.stringify(result ?? null, { relaxed: false });
    } catch (err) {
      throw clientError(err);
    }
  }
}

function checkService(app: DeployedApp, service: string): void {
  if (!app.config.services.some((s) => s.name === service))
    throw new InvalidInputError(`service not found: '${service}'`, 'ServiceNotFound');
}

/** How a refused or failed collection request is answered. */
function clientError(err: unknown): unknown {
  if (err instanceof RuleDenied) return new ForbiddenError(err.message, 'NoMatchingRuleFound');
  if (err instanceof DatabaseError) return new InvalidInputError(err.message, 'MongoDBError');
  if (err instanceof RuledRequestError || err instanceof DataAccessError)
    return new InvalidInputError(err.message, 'InvalidParameter');
  if (err instanceof ExpressionError)
    return new InvalidInputError(`a rule expression failed: ${err.message}`, 'InvalidParameter');
  return err;
}

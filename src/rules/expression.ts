import { ObjectId } from 'bson';
import type { RuleExpression } from '../app-config/app-config.types';
import { CompiledQueries } from './compiled-queries';
import {
  CONVERSIONS,
  LOGICAL,
  expansionPath,
  isExpansion,
  isPlainObject,
  operatorName,
} from './expression-syntax';

/**
 * App Services rule expressions (https://www.mongodb.com/docs/atlas/app-services/rules/expressions/).
 *
 * An expression is `true`/`false` or an object. Its keys are
 * - `$and`/`$or`/`$nor` (or `%and`/`%or`/`%nor`) with a list of expressions;
 * - an expansion (`%%user.id`, `%%root.owner`, `%%true`...): its value is matched against the
 *   key's value;
 * - anything else: a field of the document (`%%root`), matched as in a MongoDB query.
 * A value may be a literal, an expansion, an operator object (`{"$in": [...]}`, `%`-spelled
 * operators too: `{"%exists": true}`), `{"%function": {name, arguments}}` (the function's
 * result), or `{"%stringToOid": v}`/`{"%oid": v}`/`{"%oidToString": v}`.
 *
 * Evaluation turns the expression into a MongoDB query over a scope document (`r` is the
 * document, `e0, e1...` the expanded keys) and matches it with mingo, so operators mean exactly
 * what they mean in a query. An expansion naming something absent (`%%user.custom_data.plan`
 * for a user without a plan) is absent as a key (so `{"$exists": false}` matches it) and, as a
 * value, equal to nothing.
 */

/** The values expansions read; `root`, `prevRoot` and `this` change per document and field. */
export interface ExpressionContext {
  user: Record<string, unknown>;
  values: Record<string, unknown>;
  environment: Record<string, unknown>;
  request: Record<string, unknown>;
  root?: Record<string, unknown>;
  prevRoot?: Record<string, unknown>;
  this?: unknown;
  /** Runs an app function for `%function`; its result is the expression's value. */
  callFunction: (name: string, args: unknown[]) => Promise<unknown>;
}

/** A value no stored value equals: what an expansion of something absent stands for. */
const MISSING = Object.freeze({ ['%%missing']: Symbol('missing').toString() + Math.random() });

export class ExpressionError extends Error {}

/** The value an expansion names, or undefined when it names nothing. */
function expand(text: string, ctx: ExpressionContext): unknown {
  const [root, ...path] = expansionPath(text);
  let value: unknown;
  switch (root) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'user':
      value = ctx.user;
      break;
    case 'root':
      value = ctx.root;
      break;
    case 'prevRoot':
      value = ctx.prevRoot;
      break;
    case 'this':
      value = ctx.this;
      break;
    case 'values':
      value = ctx.values;
      break;
    case 'environment':
      value = ctx.environment;
      break;
    case 'request':
      value = ctx.request;
      break;
    default:
      throw new ExpressionError(`unknown expansion "${text}"`);
  }
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Object.prototype.hasOwnProperty.call(value, step)
      ? (value as Record<string, unknown>)[step]
      : undefined;
  }
  return value;
}

/** A value with its expansions, conversions and function calls replaced by what they stand for. */
async function resolveValue(value: unknown, ctx: ExpressionContext): Promise<unknown> {
  if (isExpansion(value)) return expand(value, ctx) ?? MISSING;
  if (Array.isArray(value)) return Promise.all(value.map((v) => resolveValue(v, ctx)));
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '%function') return callFunction(value['%function'], ctx);
  if (keys.length === 1 && CONVERSIONS.has(keys[0] as string))
    return convert(keys[0] as string, await resolveValue(value[keys[0] as string], ctx));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const op = operatorName(key);
    out[op !== undefined ? `$${op}` : key] = await resolveValue(inner, ctx);
  }
  return out;
}

async function callFunction(call: unknown, ctx: ExpressionContext): Promise<unknown> {
  if (!isPlainObject(call) || typeof call.name !== 'string')
    throw new ExpressionError('%function must be {"name": "<function>", "arguments": [...]}');
  const args = Array.isArray(call.arguments) ? await resolveValue(call.arguments, ctx) : [];
  return ctx.callFunction(call.name, args as unknown[]);
}

function convert(op: string, value: unknown): unknown {
  if (op === '%oidToString') return value instanceof ObjectId ? value.toHexString() : value;
  if (value instanceof ObjectId) return value;
  if (typeof value === 'string' && ObjectId.isValid(value) && value.length === 24)
    return new ObjectId(value);
  throw new ExpressionError(`${op}: "${String(value)}" is not an ObjectId`);
}

/** Expressions compiled to mingo queries (an expression with a user's id recurs at each request). */
const compiled = new CompiledQueries();

/** The scope's counter of expanded keys while the query is built (not a valid field name). */
const NEXT_NAME = '$next';

/** A query that matches every document (true) or none (false). */
const booleanQuery = (value: boolean) => (value ? {} : { $nor: [{}] });

/** The expression as a query over the scope document, filling `scope` with expanded keys. */
async function toQuery(
  expr: Record<string, unknown>,
  ctx: ExpressionContext,
  scope: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const query: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(expr)) {
    const op = operatorName(key);
    if (op !== undefined) {
      if (!LOGICAL.has(op) || !Array.isArray(value))
        throw new ExpressionError(`"${key}" is not supported in an expression`);
      const parts: Record<string, unknown>[] = [];
      for (const e of value as unknown[])
        parts.push(isPlainObject(e) ? await toQuery(e, ctx, scope) : booleanQuery(e === true));
      query[`$${op}`] = parts;
      continue;
    }
    const target = await resolveValue(value, ctx);
    if (isExpansion(key)) {
      const name = `e${(scope[NEXT_NAME] as number)++}`;
      const expanded = expand(key, ctx);
      if (expanded !== undefined) scope[name] = expanded;
      query[name] = target;
    } else {
      query[`r.${key}`] = target;
    }
  }
  return query;
}

/** A query (a filter's) with its expansions, conversions and function calls resolved. */
export function resolveExpansions(
  query: Record<string, unknown>,
  ctx: ExpressionContext,
): Promise<unknown> {
  for (const key of Object.keys(query))
    if (isExpansion(key))
      throw new ExpressionError(`a query cannot have an expansion as a key ("${key}")`);
  return resolveValue(query, ctx);
}

/** Whether the expression holds in this context. A malformed expression throws ExpressionError. */
export async function evaluateExpression(
  expr: RuleExpression | undefined,
  ctx: ExpressionContext,
): Promise<boolean> {
  if (expr === undefined) return false;
  if (typeof expr === 'boolean') return expr;
  if (!isPlainObject(expr))
    throw new ExpressionError('an expression must be a boolean or an object');
  const scope: Record<string, unknown> = { [NEXT_NAME]: 0 };
  const query = await toQuery(expr, ctx, scope);
  delete scope[NEXT_NAME];
  scope.r = ctx.root ?? {};
  return compiled.get(query).test(scope);
}

/**
 * Whether the expression depends on the document: a field key, or `%%root`, `%%prevRoot`,
 * `%%this` anywhere (also in a function's arguments). One that does not is the same for every
 * document of a request.
 */
export function readsDocument(expr: RuleExpression | undefined): boolean {
  if (expr === undefined || typeof expr === 'boolean') return false;
  // Asked for every expression of every document a request touches: computed once per object.
  let reads = documentReaders.get(expr);
  if (reads === undefined) {
    reads = /%%(root|prevRoot|this)\b/.test(JSON.stringify(expr)) || hasFieldKey(expr);
    documentReaders.set(expr, reads);
  }
  return reads;
}

const documentReaders = new WeakMap<Record<string, unknown>, boolean>();

function hasFieldKey(expr: Record<string, unknown>): boolean {
  return Object.entries(expr).some(([key, value]) => {
    const op = operatorName(key);
    if (op === undefined) return !isExpansion(key);
    return Array.isArray(value) && value.some((e) => isPlainObject(e) && hasFieldKey(e));
  });
}

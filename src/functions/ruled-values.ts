import { ObjectId, type Document } from 'bson';
import { isPlainObject } from '../rules/collection-policy';

/**
 * Values as the rules engine and the in-memory matcher (mingo) compare them: BSON number
 * wrappers (Int32, Double, a Long within 2^53) become JS numbers, as the driver reads stored
 * numbers; everything else is kept. Requests keep their original values for the database.
 */
export function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  const type = (value as { _bsontype?: unknown })._bsontype;
  if (type === 'Int32' || type === 'Double')
    return Number((value as { valueOf(): number }).valueOf());
  if (type === 'Long') {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value;
  }
  if (!isPlainObject(value)) return value;
  const out: Document = {};
  for (const [k, v] of Object.entries(value)) out[k] = plain(v);
  return out;
}

/** The dotted path of every field that differs between two documents (objects walked). */
export function changedPaths(before: Document, after: Document, prefix = ''): string[] {
  const out: string[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const k of keys) {
    const a: unknown = before[k];
    const b: unknown = after[k];
    const path = prefix + k;
    if (isPlainObject(a) && isPlainObject(b)) out.push(...changedPaths(a, b, `${path}.`));
    else if (!sameValue(a, b)) out.push(path);
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (a instanceof ObjectId && b instanceof ObjectId) return a.equals(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) return changedPaths(a, b).length === 0;
  if (typeof a === 'object' && typeof b === 'object') {
    const ta = (a as { _bsontype?: unknown })._bsontype;
    return (
      ta !== undefined &&
      ta === (b as { _bsontype?: unknown })._bsontype &&
      JSON.stringify(a) === JSON.stringify(b)
    );
  }
  return false;
}

/** The update operators a rule-checked update may use (no aggregation-pipeline updates). */
export const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$currentDate',
  '$push',
  '$addToSet',
  '$pop',
  '$pull',
  '$pullAll',
  '$setOnInsert',
  '$bit',
]);

/**
 * The fields an update document names, whatever the operator does with them: every key of every
 * operator, and for `$rename` also the new names. Positional parts (`$`, `$[]`, `$[x]`) are kept:
 * the field checks skip them.
 */
export function updatedPaths(update: Document): string[] {
  const out: string[] = [];
  for (const [op, fields] of Object.entries(update)) {
    if (!isPlainObject(fields)) continue;
    for (const [path, to] of Object.entries(fields)) {
      out.push(path);
      if (op === '$rename' && typeof to === 'string') out.push(to);
    }
  }
  return out;
}

/** Query operators a rule-checked request may not use: they run code or read past the rules. */
const REFUSED_QUERY_OPERATORS = new Set(['$where', '$expr', '$function', '$accumulator']);

/** The first refused operator anywhere in a query (or a pipeline stage), or undefined. */
export function refusedOperator(query: unknown): string | undefined {
  if (Array.isArray(query)) {
    for (const v of query) {
      const found = refusedOperator(v);
      if (found) return found;
    }
    return undefined;
  }
  if (!isPlainObject(query)) return undefined;
  for (const [k, v] of Object.entries(query)) {
    if (REFUSED_QUERY_OPERATORS.has(k)) return k;
    const found = refusedOperator(v);
    if (found) return found;
  }
  return undefined;
}

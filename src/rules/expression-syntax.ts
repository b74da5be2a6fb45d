/** The syntax of rule expressions, shared by their checks and their evaluation. */

/** Query operators an expression may use; `$where`, `$expr`, `$function` and the like are not. */
export const VALUE_OPERATORS = new Set([
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'nin',
  'exists',
  'not',
  'all',
  'size',
  'elemMatch',
  'regex',
  'options',
  'type',
  'mod',
  'and',
  'or',
  'nor',
]);
export const LOGICAL = new Set(['and', 'or', 'nor']);
export const CONVERSIONS = new Set(['%stringToOid', '%oid', '%oidToString']);
/** The roots an expansion may name: `%%user.id`, `%%values.name`, ... */
export const EXPANSION_ROOTS = new Set([
  'user',
  'root',
  'prevRoot',
  'this',
  'values',
  'environment',
  'request',
  'true',
  'false',
]);

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  (v as { _bsontype?: unknown })._bsontype === undefined &&
  !(v instanceof Date) &&
  !(v instanceof RegExp);

/** `%%user.id%%` (seed 000's spelling) is read as `%%user.id`. */
export function expansionPath(text: string): string[] {
  const body = text.slice(2).replace(/%%$/, '');
  return body.split('.');
}

export const isExpansion = (v: unknown): v is `%%${string}` =>
  typeof v === 'string' && v.startsWith('%%');

/** `$in` and `%in` are both the operator `in`; anything else is undefined. */
export function operatorName(key: string): string | undefined {
  if (key.startsWith('$')) return key.slice(1);
  if (key.startsWith('%') && !key.startsWith('%%') && !CONVERSIONS.has(key) && key !== '%function')
    return key.slice(1);
  return undefined;
}

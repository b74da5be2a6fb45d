import type { RequestHandler } from 'express';
import { InvalidInputError } from '../errors/app-error';

/**
 * How deeply arrays and objects may nest in a JSON request body (the top-level value is level 1).
 * Configs and function arguments are walked recursively further on (key encoding, Extended JSON,
 * the sandbox), so the bound is checked once here, for every body, before anything else reads it.
 */
export const MAX_JSON_DEPTH = 100;

/**
 * Refuses a JSON body nested deeper than MAX_JSON_DEPTH, and object keys named `__proto__`:
 * JSON.parse keeps them as own keys, but any later copy (`out[key] = …`, a spread, Mongoose)
 * turns them into a prototype and the value is silently lost. Iterative, so a hostile body cannot
 * exhaust the stack here.
 */
export const guardJsonBody: RequestHandler = (req, _res, next) => {
  const body: unknown = req.body;
  // Raw bodies (an imported app's zip) are bytes, not JSON: walking them would visit every byte.
  if (body === null || typeof body !== 'object' || ArrayBuffer.isView(body)) return next();
  const stack: { value: object; depth: number }[] = [{ value: body, depth: 1 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (item.depth > MAX_JSON_DEPTH) {
      return next(
        new InvalidInputError(
          `request body is nested too deeply: at most ${MAX_JSON_DEPTH} levels of arrays and objects are accepted`,
          'BadRequest',
        ),
      );
    }
    const isArray = Array.isArray(item.value);
    for (const key of Object.keys(item.value)) {
      if (!isArray && key === '__proto__') {
        return next(
          new InvalidInputError('request body has a key named "__proto__", which is not accepted'),
        );
      }
      const child: unknown = (item.value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') {
        stack.push({ value: child, depth: item.depth + 1 });
      }
    }
  }
  next();
};

interface RawParameter {
  $ref?: string;
  in?: string;
  name?: string;
  schema?: { type?: unknown };
}
interface RawOp {
  parameters?: unknown;
}

/** The names of the spec's numeric query parameters (and of no other query parameter). */
function numericQueryNames(document: Record<string, unknown>): Set<string> {
  const components = (document.components ?? {}) as { parameters?: Record<string, RawParameter> };
  const resolve = (p: RawParameter): RawParameter =>
    p.$ref ? (components.parameters?.[p.$ref.split('/').pop() ?? ''] ?? {}) : p;
  const numeric = new Set<string>();
  const other = new Set<string>();
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>;
  for (const item of Object.values(paths)) {
    const lists = [item.parameters, ...Object.values(item).map((op) => (op as RawOp)?.parameters)];
    for (const param of lists.flatMap((l) => (Array.isArray(l) ? (l as RawParameter[]) : []))) {
      const { in: location, name, schema } = resolve(param);
      if (location !== 'query' || !name) continue;
      const isNumeric = schema?.type === 'integer' || schema?.type === 'number';
      (isNumeric ? numeric : other).add(name);
    }
  }
  for (const name of other) numeric.delete(name);
  return numeric;
}
/**
 * Refuses query keys with brackets (`?type[x]=1`): no parameter of openapi.yaml has one, and the
 * validator's style parsing fails on them with a TypeError (a 500). Numeric parameters must be
 * finite safe integers or decimals (400 nines would reach the database as Infinity); their
 * documented ranges are checked by the validator.
 */
export function guardQuery(document: Record<string, unknown>): RequestHandler {
  const numeric = numericQueryNames(document);
  return (req, _res, next) => {
    const search = req.originalUrl.indexOf('?');
    if (search === -1) return next();
    for (const pair of req.originalUrl.slice(search + 1).split('&')) {
      const eq = pair.indexOf('=');
      const key = decodeQueryPart(eq === -1 ? pair : pair.slice(0, eq));
      if (/[[\]]/.test(key)) {
        return next(
          new InvalidInputError(
            `query parameter "${key.slice(0, 64)}" is not accepted: no parameter has brackets`,
          ),
        );
      }
      if (eq !== -1 && numeric.has(key)) {
        const value = decodeQueryPart(pair.slice(eq + 1));
        if (!/^-?\d{1,15}(\.\d{1,15})?$/.test(value)) {
          return next(new InvalidInputError(`query parameter "${key}" must be a number in range`));
        }
      }
    }
    next();
  };
}

function decodeQueryPart(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

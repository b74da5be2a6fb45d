import { BSON } from 'mongodb';

/**
 * What `value` reads back as once stored with `ignoreUndefined` (as
 * `BSON.deserialize(BSON.serialize({ value }, { ignoreUndefined: true })).value`), for plain JSON
 * data made without the encoding and decoding: a copy in which an object's undefined fields are
 * left out and an array's undefined elements are null. Anything whose round trip is not that
 * (dates, BSON types, typed arrays, class instances, strings with lone surrogates, which UTF-8
 * cannot hold, keys BSON reads back otherwise) takes the real round trip.
 */
export function bsonRoundTrip(value: Record<string, unknown>): Record<string, unknown> {
  const copy = plainCopy(value, 0);
  if (copy !== UNUSUAL) return copy as Record<string, unknown>;
  const doc = BSON.deserialize(BSON.serialize({ value }, { ignoreUndefined: true }));
  return doc.value as Record<string, unknown>;
}

const UNUSUAL = Symbol('unusual');

/** Deeper than this, the real round trip decides (and refuses a cycle). */
const MAX_DEPTH = 100;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function plainCopy(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
      return LONE_SURROGATE.test(value) ? UNUSUAL : value;
    case 'number':
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      return UNUSUAL; // bigint, symbol, function
  }
  if (value === null) return null;
  if (depth >= MAX_DEPTH) return UNUSUAL;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const copied = item === undefined ? null : plainCopy(item, depth + 1);
      if (copied === UNUSUAL) return UNUSUAL;
      out[i] = copied;
    }
    return out;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return UNUSUAL;
  const object = value as Record<string, unknown>;
  if (typeof object.toBSON === 'function') return UNUSUAL;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    if (key === '__proto__' || key.includes('\0') || LONE_SURROGATE.test(key)) return UNUSUAL;
    const item = object[key];
    if (item === undefined) continue;
    const copied = plainCopy(item, depth + 1);
    if (copied === UNUSUAL) return UNUSUAL;
    out[key] = copied;
  }
  return out;
}

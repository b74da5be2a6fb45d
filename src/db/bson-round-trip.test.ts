import { BSON, ObjectId } from 'mongodb';
import { bsonRoundTrip } from './bson-round-trip';

/** What the driver writes and a read gives back. */
const throughBson = (value: Record<string, unknown>) =>
  BSON.deserialize(BSON.serialize({ value }, { ignoreUndefined: true })).value as unknown;

const cases: [string, Record<string, unknown>][] = [
  [
    'plain JSON data',
    { a: 1, b: 'x', c: [1, 'two', { d: null }], e: { f: true, g: 2.5, h: -3 }, i: [], j: {} },
  ],
  ['undefined fields (left out) and elements (null)', { a: undefined, b: [1, undefined, 3] }],
  ['sparse arrays', { a: [1, , 3] }], // eslint-disable-line no-sparse-arrays
  ['numbers of every kind', { a: -0, b: NaN, c: Infinity, d: 2 ** 31, e: 2 ** 53 + 2, f: 1e-9 }],
  ['integer-like keys', { b: 1, 2: 'two', a: 3, 1: 'one' }],
  ['arrays in arrays', { a: [[1, [2]], [[]]] }],
  ['valid surrogate pairs', { 'k\u{1F600}': 'v\u{1F600}' }],
  ['a lone surrogate in a value', { a: 'x\uD800y', b: 'z\uDC00' }],
  ['a lone surrogate in a key', { 'x\uDBFF': 1 }],
  ['dates', { a: new Date(5), b: [new Date(6)] }],
  ['BSON types', { a: new ObjectId(), b: new BSON.Long(5), c: new BSON.Decimal128('1.5') }],
  ['binary data', { a: new Uint8Array([1, 2]) }],
  [
    'class instances',
    {
      a: new (class Thing {
        x = 1;
      })(),
    },
  ],
  ['null-prototype objects', { a: Object.assign(Object.create(null) as object, { x: 1 }) }],
  [
    'a __proto__ key',
    JSON.parse('{"a": {"__proto__": {"x": 1}, "y": 2}}') as Record<string, unknown>,
  ],
  ['deep nesting', { a: Array.from({ length: 150 }).reduce<unknown>((v) => ({ v }), 1) }],
];

describe('bsonRoundTrip', () => {
  it.each(cases)('reads back %s as BSON does', (_, value) => {
    expect(bsonRoundTrip(value)).toStrictEqual(throughBson(value));
  });

  it('copies: nothing of the result is shared with the value', () => {
    const value = { a: { b: [1, { c: 2 }] } };
    const copy = bsonRoundTrip(value) as { a: { b: [number, { c: number }] } };
    expect(copy.a).not.toBe(value.a);
    expect(copy.a.b).not.toBe(value.a.b);
    expect(copy.a.b[1]).not.toBe(value.a.b[1]);
  });

  it('refuses what BSON refuses', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => bsonRoundTrip(cyclic)).toThrow();
    expect(() => bsonRoundTrip({ 'a\0b': 1 })).toThrow();
  });
});

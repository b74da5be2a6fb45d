import { jsonEqual } from './json-equal';

describe('jsonEqual', () => {
  it('compares objects by their own keys, a key holding undefined counting as absent', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(jsonEqual({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    // Inherited properties are not keys.
    expect(jsonEqual({}, { toString: 'x' })).toBe(false);
    expect(jsonEqual({}, { constructor: undefined })).toBe(true);
  });

  it('compares arrays by position, dates by time, and ignores prototypes', () => {
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual([1, [2]], [1, [2]])).toBe(true);
    expect(jsonEqual({ 0: 1 }, [1])).toBe(false);
    expect(jsonEqual(new Date(5), new Date(5))).toBe(true);
    expect(jsonEqual(new Date(5), { getTime: 5 })).toBe(false);
    expect(jsonEqual(Object.assign(Object.create(null) as object, { a: 1 }), { a: 1 })).toBe(true);
  });
});

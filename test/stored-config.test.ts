import { defaultAppConfig } from '../src/app-config/app-config.types';
import { jsonEqual } from '../src/app-config/json-equal';
import { fromStoredConfig, toStoredConfig } from '../src/app-config/stored-config';

function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
}

describe('stored config key encoding', () => {
  it('round-trips keys with "$", "." and "%" and leaves other keys alone', () => {
    const config = defaultAppConfig();
    const tricky = {
      $in: [1],
      'a.b': { '%24': '$x', 'c%2E': [{ $$: 1 }] },
      plain_key: { nested: true },
    };
    config.values.push({
      _id: 'v1',
      name: 'odd',
      private: false,
      from_secret: false,
      value: tricky,
      last_modified: 0,
    });
    const stored = toStoredConfig(config);
    const storedValue = stored.values[0]?.value as Record<string, unknown>;
    expect(Object.keys(storedValue)).toEqual(['%24in', 'a%2Eb', 'plain_key']);
    expect(keysOf(stored).filter((k) => k.startsWith('$') || k.includes('.'))).toEqual([]);
    expect(fromStoredConfig(stored)).toEqual(config);
  });

  it('keeps values (not keys) untouched, including strings with "$" and "."', () => {
    const config = defaultAppConfig();
    config.functions.push({
      _id: 'f',
      name: 'f',
      source: 'exports = () => "$.%";',
      private: false,
      last_modified: 0,
    });
    expect(toStoredConfig(config).functions[0]?.source).toBe('exports = () => "$.%";');
  });
});

describe('stored config arrays of arrays', () => {
  it('wraps arrays inside arrays (FerretDB refuses them) and unwraps them on the way out', () => {
    const config = defaultAppConfig();
    const value = [[1, [2, [3]]], [], { '%a': [[4]] }, { list: [[5]] }];
    config.values.push({
      _id: 'v1',
      name: 'nested',
      private: false,
      from_secret: false,
      value,
      last_modified: 0,
    });
    const stored = toStoredConfig(config).values[0]?.value;
    expect(stored).toEqual([
      { '%a': [1, { '%a': [2, { '%a': [3] }] }] },
      { '%a': [] },
      { '%25a': [{ '%a': [4] }] },
      { list: [{ '%a': [5] }] },
    ]);
    expect(fromStoredConfig(toStoredConfig(config))).toEqual(config);
  });
});

describe('jsonEqual', () => {
  it('compares structure, not prototypes, and treats undefined keys as absent', () => {
    expect(jsonEqual({ a: [1, { b: 'x' }] }, structuredClone({ a: [1, { b: 'x' }] }))).toBe(true);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(jsonEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(jsonEqual({ a: null }, { a: undefined })).toBe(false);
  });
});

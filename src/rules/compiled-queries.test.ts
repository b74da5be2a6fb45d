import { Long, ObjectId } from 'bson';
import { CompiledQueries, keyOf } from './compiled-queries';

const key = (v: unknown) => keyOf(v, 0);

describe('compiled queries', () => {
  it('reuse the query of an equal condition, and match as a fresh one does', () => {
    const queries = new CompiledQueries({ scriptEnabled: false });
    const condition = { 'r.user_id': 'u1', tags: { $in: ['a', 1, null] } };
    const first = queries.get(condition);
    condition['r.user_id'] = 'u2';
    expect(queries.get({ 'r.user_id': 'u1', tags: { $in: ['a', 1, null] } })).toBe(first);
    expect(first.test({ r: { user_id: 'u1' }, tags: 'a' })).toBe(true);
    expect(first.test({ r: { user_id: 'u2' }, tags: 'a' })).toBe(false);
    expect(queries.get(condition)).not.toBe(first);
  });

  it('tell apart every value a query could', () => {
    const id = new ObjectId();
    const keys = [
      { a: id },
      { a: id.toHexString() },
      { a: { $oid: id.toHexString() } },
      { a: 1 },
      { a: '1' },
      { a: -0 },
      { a: true },
      { a: 'true' },
      { a: null },
      { a: 'null' },
      { a: [1, 2] },
      { a: '[1,2]' },
      { a: [[1], 2] },
      { 'a.b': 1 },
      { a: { b: 1 } },
      { a: 1, b: 2 },
      { b: 2, a: 1 },
    ].map(key);
    expect(keys.every((k) => k !== undefined)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('are not kept for values or operators that a key could not tell apart or that read more', () => {
    for (const condition of [
      { a: undefined },
      { a: NaN },
      { a: Infinity },
      { a: new Date(0) },
      { a: /x/ },
      { a: Long.fromNumber(1) },
      { a: [1, , 3] }, // eslint-disable-line no-sparse-arrays
      { $expr: { $lt: ['$a', '$$NOW'] } },
      { a: { $eq: '$$NOW' } },
      { $where: 'true' },
      { a: () => true },
    ])
      expect(key(condition)).toBeUndefined();
    const queries = new CompiledQueries();
    const condition = { $expr: { $eq: ['$a', 1] } };
    expect(queries.get(condition)).not.toBe(queries.get(condition));
    expect(queries.get(condition).test({ a: 1 })).toBe(true);
  });
});

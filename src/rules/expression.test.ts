import { ObjectId } from 'bson';
import { evaluateExpression, readsDocument, type ExpressionContext } from './expression';
import { expressionProblems } from './expression-check';

const calls: unknown[][] = [];
const ctx = (extra: Partial<ExpressionContext> = {}): ExpressionContext => ({
  user: { id: 'u1', data: { email: 'a@example.com' }, custom_data: { roles: ['editor'], age: 30 } },
  values: { limit: 3 },
  environment: { tag: 'production', values: { region: 'eu' } },
  request: { remoteIPAddress: '10.0.0.1' },
  callFunction: (name, args) => {
    calls.push([name, ...args]);
    return Promise.resolve(args[0] === 'u1');
  },
  ...extra,
});
const holds = (expr: unknown, extra?: Partial<ExpressionContext>) =>
  evaluateExpression(expr as Record<string, unknown>, ctx(extra));

describe('rule expressions', () => {
  it('booleans, {} and %%true/%%false', async () => {
    expect(await holds(true)).toBe(true);
    expect(await holds(false)).toBe(false);
    expect(await holds({})).toBe(true);
    expect(await holds({ '%%true': true })).toBe(true);
    expect(await holds({ '%%true': '%%false' })).toBe(false);
    expect(await evaluateExpression(undefined, ctx())).toBe(false);
  });

  it('document fields, %%root and %%prevRoot', async () => {
    const root = { owner: 'u1', tags: ['u1', 'u2'], n: 5 };
    expect(await holds({ owner: '%%user.id' }, { root })).toBe(true);
    expect(await holds({ owner: '%%user.id' }, { root: { owner: 'u2' } })).toBe(false);
    // An array field holding the value matches, as in a query.
    expect(await holds({ tags: '%%user.id' }, { root })).toBe(true);
    expect(await holds({ '%%root.n': { $gt: 4 } }, { root })).toBe(true);
    expect(await holds({ '%%prevRoot.n': { $lt: '%%root.n' } }, { root, prevRoot: { n: 1 } })).toBe(
      true,
    );
    // Seed 000 writes %%user.id%%.
    expect(await holds({ owner: '%%user.id%%' }, { root })).toBe(true);
  });

  it('comparison and logical operators, $- and %-spelled', async () => {
    expect(await holds({ '%%user.custom_data.roles': { $in: ['editor', 'admin'] } })).toBe(true);
    expect(await holds({ '%%user.custom_data.roles': { '%nin': ['editor'] } })).toBe(false);
    expect(await holds({ '%%user.custom_data.age': { $gte: 30, $lt: 31 } })).toBe(true);
    expect(await holds({ '%%user.custom_data.age': { $ne: 30 } })).toBe(false);
    expect(await holds({ '%%user.custom_data.age': { $not: { $gt: 40 } } })).toBe(true);
    expect(await holds({ '%%user.data.email': { '%exists': true } })).toBe(true);
    expect(await holds({ '%%user.custom_data.plan': { $exists: false } })).toBe(true);
    expect(
      await holds({ $or: [{ '%%user.id': 'x' }, { '%%environment.tag': 'production' }] }),
    ).toBe(true);
    expect(await holds({ '%and': [{ '%%user.id': 'u1' }, { '%%values.limit': 4 }] })).toBe(false);
    expect(await holds({ $nor: [{ '%%request.remoteIPAddress': '10.0.0.1' }] })).toBe(false);
    expect(await holds({ $or: [false, { '%%environment.values.region': 'eu' }] })).toBe(true);
  });

  it('an expansion of something absent equals nothing', async () => {
    expect(await holds({ owner: '%%user.custom_data.missing' }, { root: {} })).toBe(false);
    expect(await holds({ owner: '%%user.custom_data.missing' }, { root: { owner: null } })).toBe(
      false,
    );
  });

  it('%%this, %stringToOid/%oid/%oidToString and %function', async () => {
    expect(await holds({ '%%this': { $gt: 2 } }, { this: 3 })).toBe(true);
    const id = new ObjectId();
    const root = { ref: id };
    expect(await holds({ ref: { '%stringToOid': id.toHexString() } }, { root })).toBe(true);
    expect(await holds({ ref: { '%oid': id.toHexString() } }, { root })).toBe(true);
    expect(await holds({ '%%root.ref': { '%oid': new ObjectId().toHexString() } }, { root })).toBe(
      false,
    );
    const asText = { '%oidToString': { '%oid': id.toHexString() } };
    expect(await holds({ '%%root.text': asText }, { root: { text: id.toHexString() } })).toBe(true);
    calls.length = 0;
    expect(
      await holds({ '%%true': { '%function': { name: 'isOwner', arguments: ['%%user.id', 2] } } }),
    ).toBe(true);
    expect(calls).toEqual([['isOwner', 'u1', 2]]);
  });

  it('knows which expressions read the document', () => {
    expect(readsDocument({ '%%user.id': 'x' })).toBe(false);
    expect(readsDocument({ owner: '%%user.id' })).toBe(true);
    expect(readsDocument({ '%%root.owner': 'x' })).toBe(true);
    expect(readsDocument({ $or: [{ '%%user.id': 'x' }, { owner: 1 }] })).toBe(true);
    expect(readsDocument({ '%%true': { '%function': { name: 'f', arguments: ['%%this'] } } })).toBe(
      true,
    );
  });

  it('lists every problem of a malformed expression', () => {
    expect(
      expressionProblems(
        {
          $where: 'x',
          '%%nope.id': 1,
          a: { $expr: {} },
          b: { '%function': { name: 'missing' } },
          $or: 'not a list',
          '%weird': 1,
        },
        'apply_when',
        new Set(['present']),
      ),
    ).toEqual([
      'apply_when.$where: "$where" is not supported in an expression',
      'apply_when.%%nope.id: unknown expansion "%%nope.id"',
      'apply_when.a.$expr: "$expr" is not supported in an expression',
      'apply_when.b.%function: function "missing" not found',
      'apply_when.$or must be a non-empty list of expressions',
      'apply_when.%weird: "%weird" is not supported in an expression',
    ]);
    expect(expressionProblems('yes', 'read', new Set())).toEqual([
      'read must be a boolean or an object',
    ]);
  });
});

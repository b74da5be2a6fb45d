import fc from 'fast-check';

/** fast-check generators of collection rules, as the app directory holds them. */

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,12}$/);

/** Rule expressions: a document's fields, the user, and `%function` of the app's first function. */
const expression = (fn: string) =>
  fc.constantFrom<unknown>(
    true,
    false,
    {},
    { owner_id: '%%user.id' },
    { '%%user.data.email': { $exists: true } },
    { $or: [{ public: true }, { owner_id: '%%user.id' }] },
    { '%%true': { '%function': { name: fn, arguments: ['%%root'] } } },
  );
/** What a filter's apply_when may read: the request, not the document. */
const requestExpression = fc.constantFrom<unknown>({}, { '%%user.data.email': { $exists: true } });
const role = (fn: string) =>
  fc.record(
    {
      name,
      apply_when: expression(fn),
      read: expression(fn),
      write: expression(fn),
      insert: fc.boolean(),
      delete: fc.boolean(),
      search: fc.boolean(),
      document_filters: fc.record({ read: expression(fn), write: expression(fn) }),
      fields: fc.dictionary(
        fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/),
        fc.record({ read: fc.boolean(), write: fc.boolean() }, { requiredKeys: [] }),
        { maxKeys: 2 },
      ),
      additional_fields: fc.record({ read: fc.boolean(), write: fc.boolean() }),
    },
    { requiredKeys: ['name'] },
  );
const filter = fc.record(
  {
    name,
    apply_when: requestExpression,
    query: fc.constantFrom({}, { owner_id: '%%user.id' }, { deleted: { $ne: true } }),
    projection: fc.constantFrom({ secret: 0 }, { name: 1, owner_id: 1 }),
  },
  { requiredKeys: ['name'] },
);
const roles = (fn: string) => fc.uniqueArray(role(fn), { selector: (r) => r.name, maxLength: 3 });
const filters = fc.uniqueArray(filter, { selector: (f) => f.name, maxLength: 2 });
const collectionRule = (fn: string) =>
  fc.record({
    database: fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/),
    collection: fc
      .stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,10}$/)
      .filter((c) => !c.startsWith('system.')),
    roles: roles(fn),
    filters,
  });
/** Rules of the data source (one per collection) and maybe a default rule. */
export const dataSourceRules = (fn: string) =>
  fc.record({
    rules: fc.uniqueArray(collectionRule(fn), {
      selector: (r) => `${r.database}.${r.collection}`,
      maxLength: 3,
    }),
    defaultRule: fc.option(fc.record({ roles: roles(fn), filters })),
  });

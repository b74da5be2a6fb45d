import express from 'express';
import supertest from 'supertest';
import { compileOperationMatcher } from './operation-matcher';
import { loadSpec } from './spec';

const spec = loadSpec();
const match = compileOperationMatcher(spec.operations);

/** Express's answer for the same routes, in the spec's order: the operationId, or null. */
function expressApp() {
  const app = express();
  for (const op of spec.operations) {
    app[op.method](op.expressPath, (req, res) => {
      res.json({ operationId: op.operationId, params: req.params });
    });
  }
  app.use((_req, res) => res.status(404).json(null));
  return supertest(app);
}

/** A request path for an operation, with each parameter replaced by `value(name)`. */
const pathOf = (path: string, value: (name: string) => string) =>
  path.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, name: string) => value(name));

it('matches what Express matches for every operation, with plain, odd and encoded values', async () => {
  const agent = expressApp();
  const cases: { method: string; url: string }[] = [];
  for (const op of spec.operations) {
    const method = op.method.toUpperCase();
    cases.push({ method, url: pathOf(op.path, (n) => `${n}-1`) });
    cases.push({ method, url: `${pathOf(op.path, (n) => `${n}%20x%2Fy`)}/?q=1` });
    cases.push({ method, url: pathOf(op.path, () => 'export').toUpperCase() });
  }
  cases.push({ method: 'GET', url: '/api/admin/v3.0/nope' }, { method: 'GET', url: '/' });
  for (const { method, url } of cases) {
    const res = await agent[method.toLowerCase() as 'get'](url);
    const fast = match(method, url);
    const expected = res.status === 404 ? null : (res.body as { operationId: string });
    expect([url, fast ? { operationId: fast.op.operationId, params: fast.params } : null]).toEqual([
      url,
      expected,
    ]);
  }
});

it('leaves HEAD, OPTIONS, undecodable parameters and unusual characters to Express', () => {
  const op = spec.operations.find((o) => o.path.includes('{') && o.method === 'get');
  if (!op) throw new Error('no GET operation with a parameter');
  expect(
    match(
      'GET',
      pathOf(op.path, () => 'x'),
    )?.op.operationId,
  ).toBe(op.operationId);
  expect(
    match(
      'HEAD',
      pathOf(op.path, () => 'x'),
    ),
  ).toBeUndefined();
  expect(
    match(
      'OPTIONS',
      pathOf(op.path, () => 'x'),
    ),
  ).toBeUndefined();
  expect(
    match(
      'GET',
      pathOf(op.path, () => '%E0%A4%A'),
    ),
  ).toBeUndefined();
  expect(
    match(
      'GET',
      pathOf(op.path, () => 'a"b'),
    ),
  ).toBeUndefined();
});

import { badInputs, type BadInput } from './helpers/bad-input';
import {
  concretePath,
  expectClientErrorOrSuccess,
  inBatches,
  newWorld,
  OPERATIONS,
  request,
  rightAuthorization,
} from './helpers/operations';
import { startTestServer, type TestServer } from './helpers/test-server';

/**
 * Every operation of openapi.yaml gets at least 20 malformed requests with the right credentials
 * (a bearer token, or a Digest response for the public API):
 * wrong types, missing fields, 1 MB strings, deep nesting, prototype and operator keys, bad
 * ObjectIds, undecodable encodings, bracketed and huge query values. None may answer 5xx, and
 * every error keeps the App Services shape.
 */
let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

const summary = { requests: 0, serverErrors: 0 };

describe('malformed input on every operation', () => {
  it.concurrent.each(
    OPERATIONS.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const),
  )('%s', async (_name, op) => {
    const world = await newWorld(srv);
    const inputs = badInputs(op);
    expect(inputs.length).toBeGreaterThanOrEqual(20);
    const failures: string[] = [];
    await inBatches(inputs, 4, async (input: BadInput) => {
      let path = concretePath(op, world, input.params);
      if (input.query) path += `?${input.query}`;
      let req = request(srv, op, path);
      const authorization = await rightAuthorization(srv, op, world, path);
      if (authorization) req = req.set('Authorization', authorization);
      if (input.body !== undefined) {
        req = req.set('Content-Type', input.contentType ?? 'application/json');
        if (input.contentEncoding) req = req.set('Content-Encoding', input.contentEncoding);
        req = req.send(input.body);
      }
      const res = await req;
      summary.requests++;
      try {
        expectClientErrorOrSuccess(res, input.name);
      } catch (err) {
        summary.serverErrors++;
        failures.push((err as Error).message);
      }
    });
    expect(failures).toEqual([]);
  });

  afterAll(() => {
    process.stderr.write(
      `bad-input: ${summary.requests} requests, ${summary.serverErrors} server errors\n`,
    );
  });
});

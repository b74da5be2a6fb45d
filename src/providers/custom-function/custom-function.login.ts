import { UnauthorizedError } from '../../errors/app-error';
import type { Execution } from '../../functions/execution';
import type { FunctionRunner } from '../../functions/function-runner';
import type { AuthenticatedIdentity, LoginProvider } from '../login-provider';
import { decodeEjsonInput, providerFunction } from '../provider-function';

/** The longest external id accepted (as for custom-token's `sub`). */
export const MAX_EXTERNAL_ID_CHARS = 4096;

const authError = (message: string) => new UnauthorizedError(message, 'AuthError');

/**
 * custom-function: the app's authentication function (config `authFunctionId`/`authFunctionName`)
 * decides who the caller is. It runs as the system user with the login payload (the body without
 * the SDK's `provider` and `options` keys) as its one argument, and is never logged with its
 * arguments (payloads carry credentials). It returns the external id: a non-empty string, or
 * `{ id, name? }` where `name` becomes the identity's and the user's `data.name`.
 *
 * Every failure is 401 AuthError: what the function throws is the message, as App Services
 * answers; a timeout, a memory or syntax failure, or a return of another shape say so.
 */
export function customFunctionProvider(functions: FunctionRunner): LoginProvider {
  return {
    async authenticate({ app, provider, payload, origin }) {
      const fn = providerFunction(functions, app, provider, 'authFunction');
      const execution = await functions.execute({
        app,
        target: { fn },
        // The reason is left out: bson's messages quote the value, and the error is logged.
        args: [decodeEjsonInput(payload, 'the login payload', { withReason: false })],
        runAsSystem: true,
        log: { ...origin, arguments: false },
      });
      if (!execution.ok) throw failed(execution);
      return identityOf(execution.result);
    },
  };
}

function failed(execution: Extract<Execution, { ok: false }>): UnauthorizedError {
  const { kind, message } = execution.failure;
  // A throw is the function's own answer: its message is passed on as it is.
  if (kind === 'runtime') return authError(message);
  return authError(`authentication function failed: ${message}`);
}

const SHAPE = 'the authentication function must return a non-empty string id or { id, name? }';

function identityOf(result: unknown): AuthenticatedIdentity {
  if (typeof result === 'string') return { externalId: externalId(result), data: {} };
  // `undefined` crosses the sandbox boundary as null.
  if (result === null || result === undefined)
    throw authError(`${SHAPE}; it returned nothing (or null)`);
  if (typeof result !== 'object' || Array.isArray(result) || '_bsontype' in result)
    throw authError(`${SHAPE}; it returned ${describe(result)}`);
  const { id, name } = result as { id?: unknown; name?: unknown };
  if (id === undefined) throw authError(`${SHAPE}; the object it returned has no id`);
  if (typeof id !== 'string') throw authError(`${SHAPE}; its id is ${describe(id)}`);
  if (name !== undefined && name !== null && typeof name !== 'string')
    throw authError(`${SHAPE}; its name must be a string, not ${describe(name)}`);
  return {
    externalId: externalId(id),
    data: typeof name === 'string' && name !== '' ? { name } : {},
  };
}

function externalId(id: string): string {
  if (id === '') throw authError(`${SHAPE}; it returned an empty id`);
  if (id.length > MAX_EXTERNAL_ID_CHARS)
    throw authError(
      `the id the authentication function returned is longer than ${MAX_EXTERNAL_ID_CHARS} characters`,
    );
  return id;
}

/** Numbers cross the sandbox boundary as canonical EJSON, so they come back as BSON numbers. */
const NUMBER_TYPES = ['Int32', 'Double', 'Long', 'Decimal128'];

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const type = (value as { _bsontype?: unknown })._bsontype;
    if (typeof type !== 'string') return 'an object';
    return NUMBER_TYPES.includes(type) ? 'a number' : `a BSON ${type}`;
  }
  return `a ${typeof value}`;
}

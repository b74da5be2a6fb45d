import { EJSON } from 'bson';
import type { AuthProviderConfig, FunctionConfig } from '../app-config/app-config.types';
import { providerFunctionRef, type ProviderFunctionSetting } from '../app-config/config-references';
import type { DeployedApp } from '../app-config/deployed-app';
import { InvalidInputError, UnavailableError } from '../errors/app-error';
import type { FunctionRunner } from '../functions/function-runner';

/**
 * The deployed function a provider setting refers to: by `<setting>Id` (what the Admin API
 * stores; it survives renames), else by `<setting>Name` (configs stored before ids were kept).
 * The config rules refuse a deployment whose provider names a missing function, so a miss is a
 * server-side fault: 503, never the caller's.
 */
export function providerFunction(
  functions: FunctionRunner,
  app: DeployedApp,
  provider: AuthProviderConfig,
  setting: ProviderFunctionSetting,
): FunctionConfig {
  const { id, name } = providerFunctionRef(provider.config, setting);
  const fn =
    (id !== undefined ? functions.findById(app, id) : undefined) ??
    (name !== undefined ? functions.find(app, name) : undefined);
  if (!fn) {
    const named = name !== undefined ? ` "${name}"` : id !== undefined ? ` "${id}"` : '';
    throw new UnavailableError(
      `the ${setting}${named} of auth provider "${provider.name}" is not in the deployed config`,
    );
  }
  return fn;
}

/**
 * Request data that is passed on to a user function, decoded from Extended JSON (realm-web sends
 * canonical EJSON, e.g. `{"$oid": …}`, `{"$numberInt": …}`) so BSON values reach the function as
 * such. Malformed EJSON is the caller's mistake (400). bson's reason quotes the offending value,
 * so `withReason: false` leaves it out where the input may hold credentials and the error is
 * written to the app logs (a login's AUTH entry).
 */
export function decodeEjsonInput<T>(
  value: T,
  what: string,
  { withReason = true }: { withReason?: boolean } = {},
): T {
  try {
    return EJSON.deserialize(value as object, { relaxed: false }) as T;
  } catch (err) {
    const why = withReason && err instanceof Error ? `: ${err.message}` : '';
    throw new InvalidInputError(`${what} is not valid Extended JSON${why}`, 'BadRequest');
  }
}

import type { LoginProvider } from './login-provider';

/** Login providers by type. Types configured but missing here refuse logins with a clear error. */
export function providerRegistry(
  providers: readonly LoginProvider[],
): ReadonlyMap<string, LoginProvider> {
  return new Map(providers.map((p) => [p.type, p]));
}

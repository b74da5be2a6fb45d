import { anonUserProvider } from './anon-user';
import type { LoginProvider } from './login-provider';

/** Login providers by type. Types configured but missing here refuse logins with a clear error. */
export function providerRegistry(
  extra: readonly LoginProvider[] = [],
): ReadonlyMap<string, LoginProvider> {
  const all: LoginProvider[] = [anonUserProvider, ...extra];
  return new Map(all.map((p) => [p.type, p]));
}

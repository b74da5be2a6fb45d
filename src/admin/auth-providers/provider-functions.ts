import type { AuthProviderConfig, FunctionConfig } from '../../app-config/app-config.types';
import {
  functionIdKey,
  functionNameKey,
  providerFunctionRef,
  type ProviderFunctionSetting,
} from '../../app-config/config-references';
import { InvalidInputError } from '../../errors/app-error';
import { invalid, section } from '../../providers/config-checks';
import type { FunctionSetting } from '../../providers/provider-type';
import { rulesFor } from '../../providers/registry';

/**
 * The functions auth providers run (custom-function's `authFunction`, local-userpass's
 * `confirmationFunction` and `resetFunction`). The Admin API takes each as `<setting>Id`,
 * `<setting>Name` or both, stores it by id (as triggers store theirs), so that renaming the
 * function keeps the provider working, and answers with both, the name read from the function.
 */

function settingsOf(p: AuthProviderConfig): FunctionSetting[] {
  return rulesFor(p.type)?.functionSettings?.(section(p, 'config')) ?? [];
}

const notFound = (p: AuthProviderConfig, key: string, value: string) =>
  new InvalidInputError(
    `function not found: "${value}" (used by auth provider "${p.name}" (${key}))`,
    'FunctionNotFound',
  );

/**
 * The function a setting names, checked against `functions`: undefined when it names none that
 * exists (or nothing at all). An id and a name that name different functions are refused.
 */
function referenced(
  p: AuthProviderConfig,
  functions: readonly FunctionConfig[],
  setting: ProviderFunctionSetting,
  isUsed: boolean,
): FunctionConfig | undefined {
  const { id, name } = providerFunctionRef(p.config, setting);
  const byId = id === undefined ? undefined : functions.find((f) => f._id === id.toLowerCase());
  const byName = name === undefined ? undefined : functions.find((f) => f.name === name);
  if (byId && byName && byId._id !== byName._id) {
    throw invalid(
      p,
      `config.${functionIdKey(setting)} "${id}" and config.${functionNameKey(setting)} "${name}" name different functions`,
    );
  }
  // A setting the provider's mode does not run may keep a stale reference (exports do).
  if (isUsed) {
    if (id !== undefined && !byId) throw notFound(p, functionIdKey(setting), id);
    if (name !== undefined && !byName) throw notFound(p, functionNameKey(setting), name);
  }
  return byId ?? byName;
}

/**
 * The provider as stored: every setting that names an existing function holds its id only.
 * Settings in use must name an existing function (400 FunctionNotFound); a setting not in use
 * that names none is kept as given.
 */
export function storedByFunctionId(
  p: AuthProviderConfig,
  functions: readonly FunctionConfig[],
): AuthProviderConfig {
  const settings = settingsOf(p);
  if (settings.length === 0) return p;
  const config = { ...section(p, 'config') };
  for (const { setting, isUsed } of settings) {
    const fn = referenced(p, functions, setting, isUsed);
    if (!fn) continue;
    config[functionIdKey(setting)] = fn._id;
    delete config[functionNameKey(setting)];
  }
  return { ...p, config };
}

/** The provider as the Admin API shows it: both forms of each reference that resolves. */
export function withFunctionNames(
  p: AuthProviderConfig,
  functions: readonly FunctionConfig[],
): AuthProviderConfig {
  const settings = settingsOf(p);
  if (settings.length === 0 || p.config === undefined) return p;
  const config = { ...p.config };
  for (const { setting } of settings) {
    const { id, name } = providerFunctionRef(p.config, setting);
    const fn =
      (id !== undefined ? functions.find((f) => f._id === id) : undefined) ??
      (name !== undefined ? functions.find((f) => f.name === name) : undefined);
    if (!fn) continue;
    config[functionIdKey(setting)] = fn._id;
    config[functionNameKey(setting)] = fn.name;
  }
  return { ...p, config };
}

/**
 * Config rule part: every setting in use names a function of the config, by its stored id (or,
 * in configs stored before ids were kept, by name). Runs on every write and deploy, so a function
 * a provider runs cannot be deleted, nor lost in a draft merge or a redeploy.
 */
export function providerFunctionsExist(
  p: AuthProviderConfig,
  functions: readonly FunctionConfig[],
): void {
  for (const { setting, isUsed } of settingsOf(p)) {
    if (!isUsed) continue;
    const { id, name } = providerFunctionRef(p.config, setting);
    if (id !== undefined) {
      if (!functions.some((f) => f._id === id)) throw notFound(p, functionIdKey(setting), id);
    } else if (name !== undefined && !functions.some((f) => f.name === name)) {
      throw notFound(p, functionNameKey(setting), name);
    }
  }
}

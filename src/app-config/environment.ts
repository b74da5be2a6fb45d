import type { AppConfig, EnvironmentConfig, EnvironmentKey } from './app-config.types';

/** `context.environment` as App Services gives it to functions. */
export interface FunctionEnvironment {
  readonly tag: EnvironmentConfig['tag'];
  /** Each environment value's name → its value for `tag` (`none` when the tag is ""). */
  readonly values: Readonly<Record<string, unknown>>;
}

/** Resolved once per deployed snapshot (snapshots are immutable, see deployment-configs.ts). */
const resolved = new WeakMap<AppConfig, FunctionEnvironment>();

/**
 * The environment functions of this config see: its tag, and each environment value resolved for
 * that tag. A value with nothing set for the tag is left out (`undefined` in the function).
 */
export function functionEnvironment(config: AppConfig): FunctionEnvironment {
  const hit = resolved.get(config);
  if (hit) return hit;
  const tag = config.environment.tag;
  const key: EnvironmentKey = tag === '' ? 'none' : tag;
  const values: Record<string, unknown> = {};
  for (const v of config.environment_values) {
    if (Object.hasOwn(v.values, key) && v.values[key] !== undefined) values[v.name] = v.values[key];
  }
  const env: FunctionEnvironment = { tag, values };
  // Only a frozen config cannot change after this: a draft's working copy is resolved each time.
  if (Object.isFrozen(config)) resolved.set(config, env);
  return env;
}

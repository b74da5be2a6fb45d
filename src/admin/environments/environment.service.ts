import { APP_ENVIRONMENTS, type EnvironmentConfig } from '../../app-config/app-config.types';
import { InvalidInputError } from '../../errors/app-error';
import type { ConfigStore } from '../../domain/deployments/config-store';

export type EnvironmentTag = EnvironmentConfig['tag'];

export function isEnvironmentTag(tag: unknown): tag is EnvironmentTag {
  return tag === '' || (APP_ENVIRONMENTS as readonly unknown[]).includes(tag);
}

/**
 * The app's environment tag, a section of the app config: set in the admin's open draft, or
 * deployed at once. What runs (and what `GET …/apps/{appId}` shows) is the deployed tag.
 */
export class EnvironmentService {
  constructor(private readonly store: ConfigStore) {}

  set(appId: string, adminId: string, tag: string): Promise<void> {
    if (!isEnvironmentTag(tag)) {
      throw new InvalidInputError(
        `invalid environment "${tag}": use "", ${APP_ENVIRONMENTS.map((e) => `"${e}"`).join(', ')}`,
      );
    }
    return this.store.change(appId, adminId, (config) => {
      config.environment = { tag };
    });
  }
}

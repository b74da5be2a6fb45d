import type { AppConfig, TriggerConfig } from '../../app-config/app-config.types';
import { EntityList, newEntityId, referenceId, unixSeconds } from '../../app-config/entities';
import { InvalidInputError } from '../../errors/app-error';
import type { ConfigStore } from '../../domain/deployments/config-store';
import { FUNCTIONS } from '../functions/function.service';
import { checkTriggerSettings, type TriggerSettings } from './trigger-settings';
import type { TriggerInput, TriggerView } from './trigger.mapper';

export const TRIGGERS = new EntityList<TriggerConfig>('triggers', {
  label: 'trigger',
  notFound: 'TriggerNotFound',
  duplicate: 'TriggerDuplicateName',
});

/**
 * AUTHENTICATION and SCHEDULED triggers of the app config. A trigger stores its function by id,
 * so renaming the function keeps it working; the name is read from the function each time.
 * That the function still exists is checked for the whole config by `triggersRule`.
 */
export class TriggerService {
  constructor(
    private readonly store: ConfigStore,
    private readonly now: () => Date,
  ) {}

  async list(appId: string, adminId: string): Promise<TriggerView[]> {
    const config = await this.store.view(appId, adminId);
    return config.triggers.map((t) => withFunctionName(config, t));
  }

  async get(appId: string, adminId: string, id: string): Promise<TriggerView> {
    const config = await this.store.view(appId, adminId);
    return withFunctionName(config, TRIGGERS.find(config, id));
  }

  create(appId: string, adminId: string, input: TriggerInput): Promise<TriggerView> {
    const settings = checkInput(input);
    return this.store.change(appId, adminId, (config) => {
      const trigger = TRIGGERS.add(config, input.name, () =>
        this.build(config, newEntityId(), input, settings),
      );
      return withFunctionName(config, trigger);
    });
  }

  /** Replaces the whole trigger; its type cannot change (delete it and create another). */
  update(appId: string, adminId: string, id: string, input: TriggerInput): Promise<void> {
    const settings = checkInput(input);
    return this.store.change(appId, adminId, (config) => {
      const current = TRIGGERS.find(config, id);
      if (settings.type !== current.type) {
        throw new InvalidInputError(
          `trigger "${current.name}" is a ${current.type} trigger; its type cannot change to ${settings.type}`,
        );
      }
      TRIGGERS.replace(config, id, input.name, () =>
        this.build(config, current._id, input, settings),
      );
    });
  }

  delete(appId: string, adminId: string, id: string): Promise<void> {
    return this.store.change(appId, adminId, (config) => TRIGGERS.remove(config, id));
  }

  private build(
    config: AppConfig,
    id: string,
    input: TriggerInput,
    settings: TriggerSettings,
  ): TriggerConfig {
    const functionId = referenceId(config.functions, input.function, FUNCTIONS.kind);
    if (!functionId) {
      throw new InvalidInputError(
        'a trigger needs a function: give function_id or function_name (at the root or in event_processors.FUNCTION.config)',
        'MissingParameter',
      );
    }
    return {
      _id: id,
      name: input.name,
      disabled: input.disabled,
      function_id: functionId,
      ...settings,
      last_modified: unixSeconds(this.now()),
    };
  }
}

function checkInput(input: TriggerInput): TriggerSettings {
  TRIGGERS.checkName(input.name);
  return checkTriggerSettings(input.type, input.config);
}

function withFunctionName(config: AppConfig, t: TriggerConfig): TriggerView {
  const fn = config.functions.find((f) => f._id === t.function_id);
  return { ...t, function_name: fn?.name ?? '' };
}

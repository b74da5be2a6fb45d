import type { AppConfig } from '../../app-config/app-config.types';
import { InvalidInputError } from '../../errors/app-error';
import { checkTriggerSettings } from './trigger-settings';

/**
 * A config rule: every trigger calls a function of the same config and has settings this server
 * runs. Run on every write and deploy, so that no merge of a draft (a trigger added in the draft,
 * its function deleted by a later deployment) or redeploy can leave a trigger dangling.
 */
export function triggersRule(config: AppConfig): void {
  for (const t of config.triggers) {
    if (!config.functions.some((f) => f._id === t.function_id)) {
      throw new InvalidInputError(
        `trigger "${t.name}" calls function "${t.function_id}", which does not exist`,
        'FunctionNotFound',
      );
    }
    checkTriggerSettings(t.type, t.config);
  }
}

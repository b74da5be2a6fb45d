import { authProvidersRule } from '../admin/auth-providers/auth-provider.rules';
import { customUserDataRule } from '../admin/custom-user-data/custom-user-data.rule';
import { environmentRule } from '../admin/environments/environment.rules';
import { rulesRule } from '../admin/rules/rule.rules';
import { triggersRule } from '../admin/triggers/trigger.rules';
import type { ConfigRule } from '../domain/deployments/config-store';
import { secretsExistRule, type SecretStore } from '../domain/secrets/secret.store';

/** The whole-config checks every stored or deployed config passes, in this order. */
export function configRules(secrets: SecretStore): ConfigRule[] {
  return [
    secretsExistRule(secrets),
    authProvidersRule,
    customUserDataRule,
    triggersRule,
    environmentRule,
    rulesRule,
  ];
}

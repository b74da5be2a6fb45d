import type { AppConfig } from '../../app-config/app-config.types';
import { ConflictError, InvalidInputError } from '../../errors/app-error';
import { ruleProblems } from '../../rules/rule-check';
import { ruleExistsError } from './rule.service';
import { functionNamesOf, namespaceProblems } from './rule-input';

/**
 * A config rule: every collection rule and default rule belongs to a data source of the config,
 * a data source has one rule per collection and one default rule at most, and their roles and
 * filters pass the checks of the Admin API (a `%function` names a function of the config). Run on
 * every write and deploy, so that no merge of a draft (a rule added in two drafts, a rule calling
 * a function a later deployment deleted) or redeploy can store a broken rule.
 */
export function rulesRule(config: AppConfig): void {
  const functions = functionNamesOf(config);
  const seen = new Set<string>();
  for (const rule of config.rules) {
    const service = config.services.find((s) => s._id === rule.service_id);
    const label = `rule "${rule.name}"`;
    if (!service) {
      throw new InvalidInputError(
        `${label} belongs to data source "${rule.service_id}", which does not exist`,
        'ServiceNotFound',
      );
    }
    const key = `${service._id}/${rule.name}`;
    if (seen.has(key)) throw ruleExistsError(rule.name, service);
    seen.add(key);
    const problems = [
      ...namespaceProblems(rule.database, rule.collection),
      ...ruleProblems(rule, functions),
    ];
    if (problems.length > 0) {
      throw new InvalidInputError(
        `${label} of data source "${service.name}": ${problems.join('; ')}`,
      );
    }
  }
  const withDefault = new Set<string>();
  for (const rule of config.default_rules) {
    const service = config.services.find((s) => s._id === rule.service_id);
    if (!service) {
      throw new InvalidInputError(
        `a default rule belongs to data source "${rule.service_id}", which does not exist`,
        'ServiceNotFound',
      );
    }
    if (withDefault.has(service._id)) {
      throw new ConflictError(
        `data source "${service.name}" has more than one default rule`,
        'RuleAlreadyExists',
      );
    }
    withDefault.add(service._id);
    const problems = ruleProblems(rule, functions);
    if (problems.length > 0) {
      throw new InvalidInputError(
        `default rule of data source "${service.name}": ${problems.join('; ')}`,
      );
    }
  }
}

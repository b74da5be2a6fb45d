import type {
  AppConfig,
  DefaultRuleConfig,
  RuleConfig,
  ServiceConfig,
} from '../../app-config/app-config.types';
import { newEntityId, unixSeconds } from '../../app-config/entities';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors/app-error';
import type { ConfigStore } from '../../domain/deployments/config-store';
import type { RuleBody } from '../../rules/rule-check';
import { SERVICES } from '../services/service.service';
import type { RuleInput } from './rule.mapper';
import { checkedRuleParts, functionNamesOf, namespaceProblems, ruleName } from './rule-input';

/** The rules of one data source, in the order they were created. */
export const rulesOf = (config: AppConfig, serviceId: string): RuleConfig[] =>
  config.rules.filter((r) => r.service_id === serviceId);

export const defaultRuleOf = (
  config: AppConfig,
  serviceId: string,
): DefaultRuleConfig | undefined => config.default_rules.find((d) => d.service_id === serviceId);

export function ruleExistsError(name: string, service: ServiceConfig): ConflictError {
  return new ConflictError(
    `a rule for "${name}" already exists on data source "${service.name}"`,
    'RuleAlreadyExists',
  );
}

/**
 * Collection rules and default rules of the app's data sources: the roles and filters the
 * runtime enforces on the SDK's MongoDB calls. A data source has at most one rule per collection
 * (`<database>.<collection>`) and at most one default rule. Every write goes through the config
 * store (the admin's draft, or a deployment), and is checked with the config's functions.
 */
export class RuleService {
  constructor(
    private readonly store: ConfigStore,
    private readonly now: () => Date,
  ) {}

  async list(appId: string, adminId: string, serviceId: string): Promise<RuleConfig[]> {
    const config = await this.store.view(appId, adminId);
    return rulesOf(config, SERVICES.find(config, serviceId)._id);
  }

  async get(appId: string, adminId: string, serviceId: string, id: string): Promise<RuleConfig> {
    const config = await this.store.view(appId, adminId);
    return findRule(config, SERVICES.find(config, serviceId), id);
  }

  create(appId: string, adminId: string, serviceId: string, input: RuleInput): Promise<RuleConfig> {
    return this.store.change(appId, adminId, (config) => {
      const service = SERVICES.find(config, serviceId);
      const rule = this.build(config, service, input, newEntityId());
      if (rulesOf(config, service._id).some((r) => r.name === rule.name))
        throw ruleExistsError(rule.name, service);
      config.rules.push(rule);
      return rule;
    });
  }

  /** Replaces the rule's collection, roles and filters; it keeps its id. */
  update(
    appId: string,
    adminId: string,
    serviceId: string,
    id: string,
    input: RuleInput,
  ): Promise<RuleConfig> {
    return this.store.change(appId, adminId, (config) => {
      const service = SERVICES.find(config, serviceId);
      const current = findRule(config, service, id);
      const rule = this.build(config, service, input, current._id);
      if (rulesOf(config, service._id).some((r) => r.name === rule.name && r._id !== current._id))
        throw ruleExistsError(rule.name, service);
      config.rules[config.rules.indexOf(current)] = rule;
      return rule;
    });
  }

  delete(appId: string, adminId: string, serviceId: string, id: string): Promise<void> {
    return this.store.change(appId, adminId, (config) => {
      const current = findRule(config, SERVICES.find(config, serviceId), id);
      config.rules.splice(config.rules.indexOf(current), 1);
    });
  }

  async getDefault(appId: string, adminId: string, serviceId: string): Promise<DefaultRuleConfig> {
    const config = await this.store.view(appId, adminId);
    const found = defaultRuleOf(config, SERVICES.find(config, serviceId)._id);
    if (!found) throw new NotFoundError('default rule does not exist on service', 'RuleNotFound');
    return found;
  }

  createDefault(
    appId: string,
    adminId: string,
    serviceId: string,
    body: RuleBody,
  ): Promise<DefaultRuleConfig> {
    return this.store.change(appId, adminId, (config) => {
      const service = SERVICES.find(config, serviceId);
      if (defaultRuleOf(config, service._id)) {
        throw new InvalidInputError('default rule already exists', 'RuleAlreadyExists');
      }
      const rule = this.buildDefault(config, service, body, newEntityId());
      config.default_rules.push(rule);
      return rule;
    });
  }

  /** Replaces the default rule's roles and filters; `id` must be the default rule's. */
  updateDefault(
    appId: string,
    adminId: string,
    serviceId: string,
    id: string,
    body: RuleBody,
  ): Promise<DefaultRuleConfig> {
    return this.store.change(appId, adminId, (config) => {
      const service = SERVICES.find(config, serviceId);
      const current = defaultRuleOf(config, service._id);
      if (!current) throw new InvalidInputError('default rule does not exist', 'RuleNotFound');
      if (id.toLowerCase() !== current._id) {
        throw new InvalidInputError('service default rule id mismatch');
      }
      const rule = this.buildDefault(config, service, body, current._id);
      config.default_rules[config.default_rules.indexOf(current)] = rule;
      return rule;
    });
  }

  deleteDefault(appId: string, adminId: string, serviceId: string): Promise<void> {
    return this.store.change(appId, adminId, (config) => {
      const current = defaultRuleOf(config, SERVICES.find(config, serviceId)._id);
      if (!current) {
        throw new NotFoundError('default rule does not exist for app service', 'RuleNotFound');
      }
      config.default_rules.splice(config.default_rules.indexOf(current), 1);
    });
  }

  private build(config: AppConfig, service: ServiceConfig, input: RuleInput, id: string) {
    return buildRule(config, service, input, id, unixSeconds(this.now()));
  }

  private buildDefault(config: AppConfig, service: ServiceConfig, body: RuleBody, id: string) {
    return buildDefaultRule(config, service, body, id, unixSeconds(this.now()));
  }
}

function findRule(config: AppConfig, service: ServiceConfig, id: string): RuleConfig {
  const wanted = id.toLowerCase();
  const found = rulesOf(config, service._id).find((r) => r._id === wanted);
  if (!found) throw new NotFoundError(`rule not found: "${id}"`, 'RuleNotFound');
  return found;
}

/** A collection rule of `service`, checked (every problem in one 400) against `config`. */
export function buildRule(
  config: AppConfig,
  service: ServiceConfig,
  input: RuleInput,
  id: string,
  lastModified: number,
): RuleConfig {
  const { database, collection } = input;
  const parts = checkedRuleParts(
    input.body,
    functionNamesOf(config),
    namespaceProblems(database, collection),
  );
  return {
    _id: id,
    name: ruleName(database, collection),
    service_id: service._id,
    database,
    collection,
    ...parts,
    last_modified: lastModified,
  };
}

/** The default rule of `service`, checked against `config`. */
export function buildDefaultRule(
  config: AppConfig,
  service: ServiceConfig,
  body: RuleBody,
  id: string,
  lastModified: number,
): DefaultRuleConfig {
  return {
    _id: id,
    name: service._id,
    service_id: service._id,
    ...checkedRuleParts(body, functionNamesOf(config)),
    last_modified: lastModified,
  };
}

import type { AppConfig, DefaultRuleConfig, RuleConfig } from '../../app-config/app-config.types';
import { buildDefaultRule, buildRule } from '../rules/rule.service';
import { toRuleBody, toRuleInput } from '../rules/rule.mapper';
import { ruleName } from '../rules/rule-input';
import { text, type AppDocument } from './app-document';
import { checkEntity } from './entity-schemas';
import { inCurrentOrder, inPart, keepOrReplace, uniqueNames, type Wire } from './import-parts';

/**
 * The collection rules and default rules of the document's data sources, replaced by name: a
 * rule is matched by its data source (by name, so `next.services` must already be imported) and
 * its collection, a default rule by its data source; a matched one keeps its id. Each is checked
 * as the Admin API checks it, against the imported functions (`next.functions`); problems are
 * named after the file: `data_sources/mongodb-atlas/myapp/users/rules.json: roles[0]…`.
 */
export function importRules(
  doc: AppDocument,
  current: AppConfig,
  next: AppConfig,
  now: number,
): Pick<AppConfig, 'rules' | 'default_rules'> {
  const rules: RuleConfig[] = [];
  const defaults: DefaultRuleConfig[] = [];
  for (const ds of doc.data_sources ?? []) {
    const serviceName = text(ds.config?.name);
    const service = next.services.find((s) => s.name === serviceName);
    if (!service) continue; // importDataSources refused a data source without a valid name
    const folder = `data_sources/${serviceName}`;
    const list = ds.rules ?? [];
    uniqueNames(
      folder,
      list.map((r) => ruleName(text(r.database), text(r.collection))),
    );
    const currentRules = current.rules.filter((r) => r.service_id === service._id);
    for (const entry of list) {
      const where = `${folder}/${text(entry.database)}/${text(entry.collection)}/rules.json`;
      checkEntity('RuleConstructor', entry, where);
      const input = toRuleInput(entry as unknown as Wire<typeof toRuleInput>);
      rules.push(
        inPart(where, () =>
          keepOrReplace(
            currentRules,
            ruleName(input.database, input.collection),
            (id, lastModified) => buildRule(next, service, input, id, lastModified ?? now),
            now,
          ),
        ),
      );
    }
    if (ds.default_rule !== undefined && ds.default_rule !== null) {
      const where = `${folder}/default_rule.json`;
      checkEntity('DefaultRuleConstructor', ds.default_rule, where);
      const body = toRuleBody(ds.default_rule);
      const currentDefault = current.default_rules.filter((d) => d.service_id === service._id);
      defaults.push(
        inPart(where, () =>
          keepOrReplace(
            currentDefault,
            service._id,
            (id, lastModified) => buildDefaultRule(next, service, body, id, lastModified ?? now),
            now,
          ),
        ),
      );
    }
  }
  return {
    rules: inCurrentOrder(current.rules, rules),
    default_rules: inCurrentOrder(current.default_rules, defaults),
  };
}

import { handler, type HandlerTable } from '../../http/typed-handler';
import { appScope } from '../app-scope';
import type { AppService } from '../../domain/apps/app.service';
import { toDefaultRule, toRule, toRuleBody, toRuleCreated, toRuleInput } from './rule.mapper';
import type { RuleService } from './rule.service';

type RuleOps =
  | 'adminListRules'
  | 'adminCreateRule'
  | 'adminGetRule'
  | 'adminUpdateRule'
  | 'adminDeleteRule'
  | 'adminGetDefaultRule'
  | 'adminCreateDefaultRule'
  | 'adminUpdateDefaultRule'
  | 'adminDeleteDefaultRule';

export function ruleHandlers(apps: AppService, rules: RuleService): Pick<HandlerTable, RuleOps> {
  return {
    adminListRules: handler<'adminListRules'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      const list = await rules.list(s.appId, s.adminId, params.serviceId);
      return { status: 200, body: list.map(toRule) };
    }),
    adminCreateRule: handler<'adminCreateRule'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, apps);
      const rule = await rules.create(s.appId, s.adminId, params.serviceId, toRuleInput(body));
      return { status: 201, body: toRuleCreated(rule) };
    }),
    adminGetRule: handler<'adminGetRule'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      const rule = await rules.get(s.appId, s.adminId, params.serviceId, params.ruleId);
      return { status: 200, body: toRule(rule) };
    }),
    adminUpdateRule: handler<'adminUpdateRule'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, apps);
      const rule = await rules.update(
        s.appId,
        s.adminId,
        params.serviceId,
        params.ruleId,
        toRuleInput(body),
      );
      return { status: 200, body: toRule(rule) };
    }),
    adminDeleteRule: handler<'adminDeleteRule'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      await rules.delete(s.appId, s.adminId, params.serviceId, params.ruleId);
      return { status: 204 };
    }),
    adminGetDefaultRule: handler<'adminGetDefaultRule'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      const rule = await rules.getDefault(s.appId, s.adminId, params.serviceId);
      return { status: 200, body: toDefaultRule(rule) };
    }),
    adminCreateDefaultRule: handler<'adminCreateDefaultRule'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, apps);
      const rule = await rules.createDefault(
        s.appId,
        s.adminId,
        params.serviceId,
        toRuleBody(body),
      );
      return { status: 201, body: toDefaultRule(rule) };
    }),
    adminUpdateDefaultRule: handler<'adminUpdateDefaultRule'>(async ({ req, params, body }) => {
      const s = await appScope(req, params, apps);
      await rules.updateDefault(s.appId, s.adminId, params.serviceId, body._id, toRuleBody(body));
      return { status: 204 };
    }),
    adminDeleteDefaultRule: handler<'adminDeleteDefaultRule'>(async ({ req, params }) => {
      const s = await appScope(req, params, apps);
      await rules.deleteDefault(s.appId, s.adminId, params.serviceId);
      return { status: 204 };
    }),
  };
}

import type { DefaultRuleConfig, RuleConfig } from '../../app-config/app-config.types';
import type { components } from '../../generated/openapi';
import type { RuleBody } from '../../rules/rule-check';

type RuleWire = components['schemas']['Rule'];
type RuleConstructor = components['schemas']['RuleConstructor'];
type DefaultRuleWire = components['schemas']['DefaultRule'];

/** What a rule create or replace sets: the collection, and the roles and filters to check. */
export interface RuleInput {
  database: string;
  collection: string;
  body: RuleBody;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Roles and filters are identified by name: an `_id` one carries (as the official spec shows) is dropped. */
function withoutIds(list: unknown): unknown {
  if (!Array.isArray(list)) return list;
  return list.map((item: unknown) => {
    if (!isObject(item)) return item;
    const { _id: _ignored, ...rest } = item;
    return rest;
  });
}

/** The roles and filters of a request body or a config file, ids dropped. */
export function toRuleBody(body: { roles?: unknown; filters?: unknown }): RuleBody {
  return { roles: withoutIds(body.roles), filters: withoutIds(body.filters) };
}

export function toRuleInput(
  body: Pick<RuleConstructor, 'database' | 'collection'> & RuleBody,
): RuleInput {
  return { database: body.database, collection: body.collection, body: toRuleBody(body) };
}

export function toRule(r: RuleConfig): RuleWire {
  return {
    _id: r._id,
    database: r.database,
    collection: r.collection,
    roles: r.roles,
    filters: r.filters,
  };
}

export function toRuleCreated(r: RuleConfig): components['schemas']['RuleCreated'] {
  return { _id: r._id, name: r.name };
}

export function toDefaultRule(d: DefaultRuleConfig): DefaultRuleWire {
  return { _id: d._id, roles: d.roles, filters: d.filters };
}

import type { FilterConfig, RoleConfig, RuleExpression } from '../app-config/app-config.types';
import { readsDocument } from './expression';
import { expressionProblems } from './expression-check';

/** The roles and filters of a collection rule or a default rule, as the Admin API receives them. */
export interface RuleBody {
  roles?: unknown;
  filters?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const ROLE_EXPRESSIONS = ['apply_when', 'read', 'write', 'insert', 'delete', 'search'] as const;

/**
 * Every problem of a rule's roles and filters, each naming where it is: role and filter names
 * missing or repeated, expressions that do not parse (unknown expansions or operators, `$where`
 * and the like), `%function` calls of functions the app does not have, filters whose
 * `apply_when` reads the document (filters are chosen once per request), projections other than
 * 0/1. `functions` is the names of the app's functions.
 */
export function ruleProblems(body: RuleBody, functions: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const roles = body.roles ?? [];
  const filters = body.filters ?? [];
  if (!Array.isArray(roles)) problems.push('roles must be a list');
  else problems.push(...listProblems(roles, 'roles', (r, at) => roleProblems(r, at, functions)));
  if (!Array.isArray(filters)) problems.push('filters must be a list');
  else
    problems.push(...listProblems(filters, 'filters', (f, at) => filterProblems(f, at, functions)));
  return problems;
}

function listProblems(
  list: unknown[],
  what: string,
  check: (item: Record<string, unknown>, at: string) => string[],
): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  list.forEach((item, i) => {
    const at = `${what}[${i}]`;
    if (!isObject(item)) {
      problems.push(`${at} must be an object`);
      return;
    }
    if (typeof item.name !== 'string' || item.name.trim() === '')
      problems.push(`${at}.name is required`);
    else if (names.has(item.name))
      problems.push(`${at}.name: "${item.name}" is used by another of the ${what}`);
    else names.add(item.name);
    problems.push(...check(item, at));
  });
  return problems;
}

function roleProblems(
  role: Record<string, unknown>,
  at: string,
  functions: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  for (const key of ROLE_EXPRESSIONS) {
    if (role[key] !== undefined)
      problems.push(...expressionProblems(role[key], `${at}.${key}`, functions));
  }
  const filters = role.document_filters;
  if (filters !== undefined) {
    if (!isObject(filters)) problems.push(`${at}.document_filters must be an object`);
    else
      for (const key of ['read', 'write'] as const)
        if (filters[key] !== undefined)
          problems.push(
            ...expressionProblems(filters[key], `${at}.document_filters.${key}`, functions),
          );
  }
  if (role.fields !== undefined)
    problems.push(...fieldsProblems(role.fields, `${at}.fields`, functions));
  const additional = role.additional_fields;
  if (additional !== undefined) {
    if (!isObject(additional)) problems.push(`${at}.additional_fields must be an object`);
    else problems.push(...permissionProblems(additional, `${at}.additional_fields`, functions));
  }
  return problems;
}

function permissionProblems(
  p: Record<string, unknown>,
  at: string,
  functions: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  for (const key of ['read', 'write'] as const)
    if (p[key] !== undefined)
      problems.push(...expressionProblems(p[key], `${at}.${key}`, functions));
  return problems;
}

function fieldsProblems(fields: unknown, at: string, functions: ReadonlySet<string>): string[] {
  if (!isObject(fields)) return [`${at} must be an object`];
  const problems: string[] = [];
  for (const [name, p] of Object.entries(fields)) {
    const here = `${at}.${name}`;
    if (name === '' || name.includes('.') || name.startsWith('$'))
      problems.push(`${here}: invalid field name "${name}" (nest sub-fields under "fields")`);
    if (!isObject(p)) {
      problems.push(`${here} must be an object`);
      continue;
    }
    problems.push(...permissionProblems(p, here, functions));
    if (p.fields !== undefined)
      problems.push(...fieldsProblems(p.fields, `${here}.fields`, functions));
  }
  return problems;
}

function filterProblems(
  filter: Record<string, unknown>,
  at: string,
  functions: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const applyWhen = filter.apply_when;
  if (applyWhen !== undefined) {
    problems.push(...expressionProblems(applyWhen, `${at}.apply_when`, functions));
    if (readsDocument(applyWhen as RuleExpression))
      problems.push(
        `${at}.apply_when: a filter's apply_when is evaluated once per request and cannot read the document`,
      );
  }
  if (filter.query !== undefined && !isObject(filter.query))
    problems.push(`${at}.query must be an object`);
  else if (isObject(filter.query))
    problems.push(...expressionProblems(filter.query, `${at}.query`, functions));
  const projection = filter.projection;
  if (projection !== undefined) {
    if (!isObject(projection)) problems.push(`${at}.projection must be an object`);
    else {
      const values = new Set(Object.values(projection));
      if ([...values].some((v) => v !== 0 && v !== 1))
        problems.push(`${at}.projection: values must be 0 or 1`);
      if (values.size > 1) problems.push(`${at}.projection: do not mix 0 and 1`);
    }
  }
  return problems;
}

/** Roles and filters with the defaults App Services gives missing parts: `apply_when: {}`. */
export function normalizeRuleBody(body: RuleBody): {
  roles: RoleConfig[];
  filters: FilterConfig[];
} {
  const roles = ((body.roles ?? []) as RoleConfig[]).map((r) => ({
    ...r,
    apply_when: r.apply_when ?? {},
  }));
  const filters = ((body.filters ?? []) as FilterConfig[]).map((f) => ({
    ...f,
    apply_when: f.apply_when ?? {},
  }));
  return { roles, filters };
}

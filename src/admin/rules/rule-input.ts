import type { AppConfig, FilterConfig, RoleConfig } from '../../app-config/app-config.types';
import { InvalidInputError } from '../../errors/app-error';
import { normalizeRuleBody, ruleProblems, type RuleBody } from '../../rules/rule-check';

/** A rule's name: its namespace, unique among the rules of one data source. */
export const ruleName = (database: string, collection: string): string =>
  `${database}.${collection}`;

/** Characters MongoDB (on any platform, so Atlas) refuses in a database name. */
const DATABASE_FORBIDDEN = /[/\\. "$*<>:|?\0]/;
const MAX_DATABASE_BYTES = 63;
const MAX_NAMESPACE_BYTES = 255;

/** What MongoDB's naming restrictions say of a rule's database and collection names. */
export function namespaceProblems(database: string, collection: string): string[] {
  const problems: string[] = [];
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  if (database === '') problems.push('database is required');
  else if (DATABASE_FORBIDDEN.test(database))
    problems.push(
      `database: invalid database name "${database}" (it cannot contain /\\. "$*<>:|? or a null character)`,
    );
  else if (bytes(database) > MAX_DATABASE_BYTES)
    problems.push(`database: "${database}" is longer than ${MAX_DATABASE_BYTES} bytes`);
  if (collection === '') problems.push('collection is required');
  else if (collection.includes('$') || collection.includes('\0'))
    problems.push(
      `collection: invalid collection name "${collection}" (it cannot contain "$" or a null character)`,
    );
  else if (/[/\\]/.test(collection) || collection === '.' || collection === '..')
    // The rule is a file of the app directory, in a folder named after the collection.
    problems.push(
      `collection: "${collection}" cannot have rules (a rule's folder cannot be named after it: no "/", "\\" or "..")`,
    );
  else if (collection.startsWith('system.'))
    problems.push(`collection: "${collection}" is a system collection, which cannot have rules`);
  if (
    database !== '' &&
    collection !== '' &&
    bytes(ruleName(database, collection)) > MAX_NAMESPACE_BYTES
  )
    problems.push(
      `"${ruleName(database, collection)}" is longer than ${MAX_NAMESPACE_BYTES} bytes (database, ".", collection)`,
    );
  return problems;
}

/** The names a `%function` of a rule may call: the config's functions. */
export const functionNamesOf = (config: AppConfig): Set<string> =>
  new Set(config.functions.map((f) => f.name));

/**
 * The roles and filters to store (`apply_when` defaulted to `{}`), after every check of
 * ruleProblems and the `extra` problems found before (a rule's namespace): all of them are named
 * in one 400, separated by "; ".
 */
export function checkedRuleParts(
  body: RuleBody,
  functionNames: ReadonlySet<string>,
  extra: string[] = [],
): { roles: RoleConfig[]; filters: FilterConfig[] } {
  const problems = [...extra, ...ruleProblems(body, functionNames)];
  if (problems.length > 0) throw new InvalidInputError(problems.join('; '));
  return normalizeRuleBody(body);
}

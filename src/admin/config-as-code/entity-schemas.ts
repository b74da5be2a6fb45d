import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { InvalidInputError } from '../../errors/app-error';
import { loadSpec } from '../../http/spec';

/**
 * The request-body schemas of the single-edit endpoints (openapi.yaml), applied to each entity of
 * an imported app: an import is held to the same shape rules as the API calls it replaces.
 */
export const ENTITY_SCHEMAS = [
  'AuthProviderConstructor',
  'FunctionConstructor',
  'NewValue',
  'ServiceConstructor',
  'TriggerConstructor',
  'CustomUserDataUpdate',
  'AllowedRequestOrigins',
  'RuleConstructor',
  'DefaultRuleConstructor',
] as const;
export type EntitySchema = (typeof ENTITY_SCHEMAS)[number];

let compiled: Map<EntitySchema, ValidateFunction> | undefined;

/** Compiled once per process, on first use, from the spec's components. */
function validators(): Map<EntitySchema, ValidateFunction> {
  if (compiled) return compiled;
  const components = loadSpec().document.components as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
  ajv.addSchema({ $id: 'openapi', components });
  compiled = new Map(
    ENTITY_SCHEMAS.map((name) => [
      name,
      ajv.compile({ $ref: `openapi#/components/schemas/${name}` }),
    ]),
  );
  return compiled;
}

/**
 * Checks `value` against the schema; the error names the file and the field, e.g.
 * `values/retries.json: from_secret must be boolean` or, for an entity inside a file,
 * `auth/providers.json: oauth2-google.config.clientId is required`.
 */
export function checkEntity(schema: EntitySchema, value: unknown, where: string): void {
  const validate = validators().get(schema);
  if (!validate || validate(value)) return;
  const error = validate.errors?.[0];
  throw new InvalidInputError(error ? describe(where, error) : `${where}: is invalid`);
}

function describe(where: string, e: ErrorObject): string {
  const field = e.instancePath.slice(1).replace(/\//g, '.');
  const params = e.params as Record<string, unknown>;
  const join = (...parts: string[]) => parts.filter((p) => p !== '').join('.');
  // `where` is a file (`values/x.json`), whose fields follow ": ", or an entity of a file
  // (`auth/providers.json: oauth2-google`), whose fields follow ".".
  const at = (path: string) =>
    path === '' ? `${where}:` : where.includes(': ') ? `${where}.${path}` : `${where}: ${path}`;
  switch (e.keyword) {
    case 'required':
      return `${at(join(field, String(params.missingProperty)))} is required`;
    case 'additionalProperties':
      return `${at(join(field, String(params.additionalProperty)))} is not allowed`;
    case 'enum':
      return `${at(field)} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `${at(field)} ${e.message ?? 'is invalid'}`;
  }
}

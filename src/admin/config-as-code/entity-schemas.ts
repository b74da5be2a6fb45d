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
 * `auth/providers.json: oauth2-google.config.clientId is required` (file
 * `auth/providers.json`, entity `oauth2-google`) or `values/x.json: private must be boolean`.
 */
export function checkEntity(schema: EntitySchema, value: unknown, file: string, entity = ''): void {
  const validate = validators().get(schema);
  if (!validate || validate(value)) return;
  const error = validate.errors?.[0];
  throw new InvalidInputError(`${file}: ${error ? describe(entity, error) : 'is invalid'}`);
}

function describe(entity: string, e: ErrorObject): string {
  const field = (...parts: string[]) => [entity, ...parts].filter((p) => p !== '').join('.');
  const path = e.instancePath.split('/').slice(1);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${field(...path, String(params.missingProperty))} is required`;
    case 'additionalProperties':
      return `${field(...path, String(params.additionalProperty))} is not allowed`;
    case 'enum':
      return `${field(...path) || 'the value'} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `${field(...path) || 'the value'} ${e.message ?? 'is invalid'}`;
  }
}

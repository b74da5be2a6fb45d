import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';
const METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'patch'];

/** The security scheme an operation requires; `none` for public operations. */
export type SecuritySchemeName = 'none' | 'tokenAuth' | 'refreshAuth' | (string & {});

export interface SpecOperation {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** The path as written in the spec, e.g. `/api/admin/v3.0/groups/{groupId}/apps`. */
  readonly path: string;
  /** The same path in Express syntax, e.g. `/api/admin/v3.0/groups/:groupId/apps`. */
  readonly expressPath: string;
  readonly security: SecuritySchemeName;
}

export interface LoadedSpec {
  readonly document: Record<string, unknown>;
  readonly operations: readonly SpecOperation[];
}

export const SPEC_PATH = path.resolve(__dirname, '..', '..', 'openapi.yaml');
const SPEC_PATH_FROM_DIST = path.resolve(__dirname, '..', '..', '..', 'openapi.yaml');

type SecurityRequirement = Record<string, unknown>;
interface RawOperation {
  operationId?: string;
  security?: SecurityRequirement[];
}

function schemeOf(requirements: SecurityRequirement[] | undefined): SecuritySchemeName {
  const first = requirements?.[0];
  if (!first) return 'none';
  return Object.keys(first)[0] ?? 'none';
}

/** openapi.yaml at the repository root, from src/http or from dist/src/http. */
export function specFile(): string {
  return fs.existsSync(SPEC_PATH) ? SPEC_PATH : SPEC_PATH_FROM_DIST;
}

/** Reads openapi.yaml once and lists its operations with their security scheme. */
export function loadSpec(file?: string): LoadedSpec {
  const document = YAML.parse(fs.readFileSync(file ?? specFile(), 'utf8')) as Record<
    string,
    unknown
  >;
  const globalSecurity = document.security as SecurityRequirement[] | undefined;
  const paths = (document.paths ?? {}) as Record<string, Record<string, RawOperation>>;
  const operations: SpecOperation[] = [];
  for (const [specPath, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId)
        throw new Error(`${method.toUpperCase()} ${specPath} has no operationId`);
      operations.push({
        operationId: op.operationId,
        method,
        path: specPath,
        expressPath: specPath.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1'),
        security: schemeOf(op.security ?? globalSecurity),
      });
    }
  }
  return { document, operations };
}

import fs from 'node:fs';
import YAML from 'yaml';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';
import { SPEC_PATH } from '../../src/http/spec';

type Json = Record<string, unknown>;
interface Route {
  method: string;
  template: string;
  regex: RegExp;
  responses: Record<string, Json>;
}

let routes: Route[] | undefined;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validators = new Map<string, ValidateFunction>();

/** Replaces local `$ref`s with what they point at (openapi.yaml has no cycles). */
function dereference(node: unknown, root: Json, depth = 0): unknown {
  if (depth > 64) throw new Error('openapi.yaml: $ref nesting too deep (a cycle?)');
  if (Array.isArray(node)) return node.map((n) => dereference(n, root, depth + 1));
  if (node === null || typeof node !== 'object') return node;
  const obj = node as Json;
  if (typeof obj.$ref === 'string') {
    const target = obj.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>(
        (acc, key) => (acc as Json)[key.replace(/~1/g, '/').replace(/~0/g, '~')],
        root,
      );
    if (target === undefined) throw new Error(`openapi.yaml: unresolved $ref ${obj.$ref}`);
    return dereference(target, root, depth + 1);
  }
  return Object.fromEntries(
    Object.entries(obj).map(([k, v]) => [k, dereference(v, root, depth + 1)]),
  );
}

function loadRoutes(): Route[] {
  if (routes) return routes;
  const root = YAML.parse(fs.readFileSync(SPEC_PATH, 'utf8')) as Json;
  const doc = dereference(root, root) as { paths: Record<string, Record<string, Json>> };
  const list: Route[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) continue;
      list.push({
        method: method.toUpperCase(),
        template,
        regex: new RegExp(`^${pattern}$`),
        responses: (op.responses ?? {}) as Record<string, Json>,
      });
    }
  }
  // Literal segments win over parameters (e.g. /auth/session before /auth/{x}).
  const literalLength = (t: string): number => t.replace(/\{[^}]+\}/g, '').length;
  routes = list.sort((a, b) => literalLength(b.template) - literalLength(a.template));
  return routes;
}

/**
 * Asserts that a response is one openapi.yaml documents for its operation: a documented status,
 * `Content-Type: application/json` exactly for a JSON body, no body and no type for an empty one,
 * and a body valid against the response schema. Undocumented paths must answer with the error shape.
 */
export function assertMatchesSpec(res: Response): void {
  const req = (res as unknown as { req: { method: string; path: string } }).req;
  const pathOnly = req.path.split('?')[0] ?? '';
  const route = loadRoutes().find((r) => r.method === req.method && r.regex.test(pathOnly));
  const where = `${req.method} ${pathOnly} → ${res.status}`;
  if (!route) {
    if (res.status < 400)
      throw new Error(`${where}: succeeded on a path that openapi.yaml does not document`);
    assertErrorShape(res, where, pathOnly);
    return;
  }
  const documented = route.responses[String(res.status)] ?? route.responses.default;
  if (!documented) {
    if (res.status >= 400 && [400, 401, 404, 405, 413, 415, 429, 500, 503].includes(res.status)) {
      // Generic failures (validation, auth, size, an internal error, a missing dependency such as
      // mail or the functions runtime) may occur on any operation; they keep the error shape.
      assertErrorShape(res, where, pathOnly);
      return;
    }
    throw new Error(`${where}: status not documented for ${route.method} ${route.template}`);
  }
  const content = documented.content as Record<string, { schema?: Json }> | undefined;
  const jsonSchema = content?.['application/json']?.schema;
  if (!content) {
    if (res.text)
      throw new Error(`${where}: documented without a body but got ${res.text.slice(0, 200)}`);
    if (res.headers['content-type'])
      throw new Error(`${where}: empty response must not have a Content-Type`);
    return;
  }
  const contentType = String(res.headers['content-type']);
  // An operation documenting other media types too (a zip download) may answer one of those.
  if (contentType !== 'application/json' && content[contentType]) return;
  if (jsonSchema) {
    if (res.headers['content-type'] !== 'application/json') {
      throw new Error(
        `${where}: Content-Type must be exactly application/json, got ${String(res.headers['content-type'])}`,
      );
    }
    const key = `${route.method} ${route.template} ${res.status}`;
    let validate = validators.get(key);
    if (!validate) {
      validate = ajv.compile(jsonSchema);
      validators.set(key, validate);
    }
    if (!validate(res.body)) {
      throw new Error(
        `${where}: body does not match openapi.yaml: ${ajv.errorsText(validate.errors)}\n${res.text.slice(0, 500)}`,
      );
    }
  }
}

/** The App Services error shape; under /api/public (Atlas' public API) Atlas' shape instead. */
function assertErrorShape(res: Response, where: string, path: string): void {
  if (res.headers['content-type'] !== 'application/json') {
    throw new Error(
      `${where}: error Content-Type must be exactly application/json, got ${String(res.headers['content-type'])}`,
    );
  }
  const body = res.body as Json;
  if (isPublicApiPath(path)) {
    if (!isAtlasError(body, res.status)) {
      throw new Error(
        `${where}: error body must be {detail, error, errorCode, reason}: ${res.text}`,
      );
    }
    return;
  }
  if (typeof body.error !== 'string' || typeof body.error_code !== 'string') {
    throw new Error(`${where}: error body must be {error, error_code}: ${res.text}`);
  }
}

export const isPublicApiPath = (path: string): boolean => /^\/api\/public(\/|$)/.test(path);

/** Atlas' error body: exactly detail, error (the status), errorCode (UPPER_SNAKE) and reason. */
export function isAtlasError(body: Json, status: number): boolean {
  return (
    Object.keys(body).sort().join() === 'detail,error,errorCode,reason' &&
    typeof body.detail === 'string' &&
    body.error === status &&
    typeof body.errorCode === 'string' &&
    /^[A-Z][A-Z0-9_]*$/.test(body.errorCode) &&
    typeof body.reason === 'string'
  );
}

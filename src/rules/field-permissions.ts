import type { FieldPermissions, RoleConfig, RuleExpression } from '../app-config/app-config.types';
import { isPlainObject } from './expression-syntax';

type Doc = Record<string, unknown>;

/** Evaluates a field-level expression with `%%this` bound to the field's value. */
export type FieldCheck = (expr: RuleExpression | undefined, value: unknown) => Promise<boolean>;

/** Array indexes and positional operators (`0`, `$`, `$[]`, `$[elem]`) name no field of their own. */
const isPositional = (segment: string) => /^(\d+|\$|\$\[[^\]]*\])$/.test(segment);

async function canRead(p: FieldPermissions | undefined, value: unknown, check: FieldCheck) {
  return p !== undefined && ((await check(p.read, value)) || (await check(p.write, value)));
}

/**
 * The fields of `doc` the role lets the user read when its document-level `read`/`write` do not
 * hold: a field listed in `fields` whose `read` (or `write`) holds comes whole; one whose
 * permissions do not hold but that lists sub-`fields` comes with the readable ones of those; a
 * field not listed follows `additional_fields` at the top level and is hidden below it.
 */
export async function readableFields(role: RoleConfig, doc: Doc, check: FieldCheck): Promise<Doc> {
  return readableIn(doc, role.fields, role.additional_fields, check);
}

async function readableIn(
  obj: Doc,
  fields: Record<string, FieldPermissions> | undefined,
  additional: FieldPermissions | undefined,
  check: FieldCheck,
): Promise<Doc> {
  const out: Doc = {};
  for (const [name, value] of Object.entries(obj)) {
    const p =
      fields && Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
    if (p === undefined) {
      if (await canRead(additional, value, check)) out[name] = value;
      continue;
    }
    if (await canRead(p, value, check)) out[name] = value;
    else if (p.fields && isPlainObject(value)) {
      const inner = await readableIn(value, p.fields, undefined, check);
      if (Object.keys(inner).length > 0) out[name] = inner;
    }
  }
  return out;
}

/**
 * Whether the role lets the user set or remove the field at `path` (dotted; array indexes and
 * positional operators are skipped) when its document-level `write` does not hold: the nearest
 * listed field on the path whose `write` holds allows it; a listed field whose `write` does not
 * hold allows only changes below it that its sub-`fields` allow; an unlisted top-level field
 * follows `additional_fields.write`.
 */
export async function writablePath(
  role: RoleConfig,
  path: string,
  after: Doc,
  check: FieldCheck,
): Promise<boolean> {
  const segments = path.split('.');
  let fields = role.fields;
  let value: unknown = after;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    if (isPositional(segment)) {
      value = Array.isArray(value) ? undefined : value;
      continue;
    }
    value = isPlainObject(value) ? value[segment] : undefined;
    const p =
      fields && Object.prototype.hasOwnProperty.call(fields, segment) ? fields[segment] : undefined;
    if (p === undefined) return i === 0 ? check(role.additional_fields?.write, value) : false;
    if (await check(p.write, value)) return true;
    if (!p.fields) return false;
    fields = p.fields;
  }
  return false;
}

/**
 * Whether the role lets the user read the field at `path` (a query's path; array indexes are
 * skipped) when its document-level `read`/`write` do not hold, whatever the document holds there.
 */
export async function readablePath(
  role: RoleConfig,
  path: string,
  doc: Doc,
  check: FieldCheck,
): Promise<boolean> {
  const segments = path.split('.').filter((s) => !isPositional(s));
  let fields = role.fields;
  let value: unknown = doc;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    value = isPlainObject(value) ? value[segment] : undefined;
    const p =
      fields && Object.prototype.hasOwnProperty.call(fields, segment) ? fields[segment] : undefined;
    if (p === undefined) return i === 0 ? canRead(role.additional_fields, value, check) : false;
    if (await canRead(p, value, check)) return true;
    if (!p.fields) return false;
    fields = p.fields;
  }
  return false;
}

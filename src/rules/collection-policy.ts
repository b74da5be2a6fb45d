import type {
  AppConfig,
  FilterConfig,
  RoleConfig,
  RuleExpression,
} from '../app-config/app-config.types';
import {
  evaluateExpression,
  readsDocument,
  resolveExpansions,
  type ExpressionContext,
} from './expression';
import { isPlainObject } from './expression-syntax';
import { readableFields, readablePath, writablePath, type FieldCheck } from './field-permissions';

type Doc = Record<string, unknown>;

/** The roles and filters that govern one collection. */
export interface RuleSet {
  roles: RoleConfig[];
  filters: FilterConfig[];
}

/**
 * The rule of `database.collection` of the data source, else the data source's default rule;
 * undefined when there is neither (then no user may touch the collection).
 */
export function ruleSetFor(
  config: AppConfig,
  serviceId: string,
  database: string,
  collection: string,
): RuleSet | undefined {
  return (
    config.rules.find(
      (r) => r.service_id === serviceId && r.database === database && r.collection === collection,
    ) ?? config.default_rules.find((d) => d.service_id === serviceId)
  );
}

/** A request the rules refuse; its message says which action (`insert not permitted`). */
export class RuleDenied extends Error {}

/** The request-constant part of the context: everything but the document. */
export type RequestContext = Omit<ExpressionContext, 'root' | 'prevRoot' | 'this'>;

/**
 * What the rules let one user (in one request) do with the documents of one collection, as App
 * Services decides it:
 * - **filters** whose `apply_when` holds are added to every query (and their projections);
 * - each document gets the **first role whose `apply_when` holds** for it; none: the document
 *   is invisible and untouchable;
 * - `document_filters.read`/`.write`, when a role has them, must hold for reads/writes;
 * - **read**: document-level `read` (or `write`) gives every field, else the fields whose
 *   field-level `read`/`write` holds (`additional_fields` for those not listed); `_id` comes with
 *   any readable field;
 * - **write** (update, replace): every changed field must be writable (document-level `write`,
 *   or field level), both under the role the document had **and** under the role of the
 *   document the write produces, so a write cannot hand a document to another user or move it
 *   out of the rules that allowed it;
 * - **insert**: `insert` must hold for the new document and every field of it be writable;
 * - **delete**: `delete` must hold for the document.
 * Expressions that do not read the document are evaluated once per request.
 */
export class CollectionPolicy {
  private readonly constant = new Map<RuleExpression, Promise<boolean>>();

  constructor(
    private readonly rules: RuleSet,
    private readonly ctx: RequestContext,
  ) {}

  /** The query and projection of the filters that apply to this request. */
  async filters(): Promise<{ query?: Doc; projection?: Doc }> {
    const queries: Doc[] = [];
    let projection: Doc | undefined;
    for (const f of this.rules.filters) {
      if (!(await this.holds(f.apply_when, {}))) continue;
      if (f.query && Object.keys(f.query).length > 0)
        queries.push((await resolveExpansions(f.query, this.ctx)) as Doc);
      if (f.projection && Object.keys(f.projection).length > 0)
        projection = { ...projection, ...f.projection };
    }
    const query =
      queries.length === 0 ? undefined : queries.length === 1 ? queries[0] : { $and: queries };
    return { ...(query ? { query } : {}), ...(projection ? { projection } : {}) };
  }

  /** The first role whose `apply_when` holds for the document, or undefined. */
  async roleFor(doc: Doc, prevDoc?: Doc): Promise<RoleConfig | undefined> {
    for (const role of this.rules.roles) {
      if (await this.holds(role.apply_when, { root: doc, prevRoot: prevDoc })) return role;
    }
    return undefined;
  }

  /**
   * The document as this user may see it (unreadable fields removed), or undefined. With
   * `queried` (the field paths of the request's query), also undefined when one of them is a
   * field the user may not read: a query on a hidden field matches nothing, so it cannot be used
   * to learn the field's value or whether it is there.
   */
  async readable(doc: Doc, queried: readonly string[] = []): Promise<Doc | undefined> {
    const role = await this.roleFor(doc);
    if (!role) return undefined;
    const where = { root: doc };
    if (role.document_filters) {
      const { read, write } = role.document_filters;
      if (!(await this.holds(read, where)) && !(await this.holds(write, where))) return undefined;
    }
    if ((await this.holds(role.read, where)) || (await this.holds(role.write, where))) return doc;
    const check = this.check(doc);
    for (const path of queried)
      if (path !== '_id' && !(await readablePath(role, path, doc, check))) return undefined;
    const fields = await readableFields(role, doc, check);
    const names = Object.keys(fields).filter((k) => k !== '_id');
    if (names.length === 0) return undefined;
    return '_id' in doc ? { _id: doc._id, ...fields } : fields;
  }

  /** Refuses (RuleDenied) an insert of `doc` the rules do not allow. */
  async checkInsert(doc: Doc): Promise<void> {
    const role = await this.roleFor(doc);
    const where = { root: doc };
    const allowed =
      role !== undefined &&
      (await this.writeFilterHolds(role, where)) &&
      (await this.holds(role.insert, where)) &&
      // `_id` is the document's name, not content a role grants: it may always be set on insert.
      (await this.allWritable(
        role,
        doc,
        undefined,
        paths(doc).filter((p) => p !== '_id'),
      ));
    if (!allowed) throw new RuleDenied('insert not permitted');
  }

  /**
   * Refuses (RuleDenied) a change of `before` into `after` that touches a field the user may not
   * write. `changed`: the dotted paths of every field the write sets or removes.
   */
  async checkWrite(
    before: Doc,
    after: Doc,
    changed: readonly string[],
    what = 'update',
  ): Promise<void> {
    const roleBefore = await this.roleFor(before);
    const roleAfter = await this.roleFor(after, before);
    const allowed =
      roleBefore !== undefined &&
      roleAfter !== undefined &&
      (await this.writeFilterHolds(roleBefore, { root: before })) &&
      (await this.writeFilterHolds(roleAfter, { root: after, prevRoot: before })) &&
      (await this.allWritable(roleBefore, after, before, changed)) &&
      (await this.allWritable(roleAfter, after, before, changed));
    if (!allowed) throw new RuleDenied(`${what} not permitted`);
  }

  /** Refuses (RuleDenied) a delete of `doc` the rules do not allow. */
  async checkDelete(doc: Doc): Promise<void> {
    const role = await this.roleFor(doc);
    const where = { root: doc };
    const allowed =
      role !== undefined &&
      (await this.writeFilterHolds(role, where)) &&
      (await this.holds(role.delete, where));
    if (!allowed) throw new RuleDenied('delete not permitted');
  }

  /** Whether the role may run Atlas Search (`$search`): no document is involved. */
  canSearch(): Promise<boolean> {
    return this.rules.roles.reduce<Promise<boolean>>(
      async (any, role) =>
        (await any) ||
        ((await this.holds(role.apply_when, {})) && (await this.holds(role.search, {}))),
      Promise.resolve(false),
    );
  }

  private async writeFilterHolds(role: RoleConfig, where: DocScope): Promise<boolean> {
    return role.document_filters === undefined || this.holds(role.document_filters.write, where);
  }

  private async allWritable(
    role: RoleConfig,
    after: Doc,
    before: Doc | undefined,
    changed: readonly string[],
  ): Promise<boolean> {
    if (await this.holds(role.write, { root: after, prevRoot: before })) return true;
    const check = this.check(after, before);
    for (const path of changed) if (!(await writablePath(role, path, after, check))) return false;
    return true;
  }

  /** Evaluates field-level expressions with `%%this` set to the field's value. */
  private check(root: Doc, prevRoot?: Doc): FieldCheck {
    return (expr, value) => this.holds(expr, { root, prevRoot, this: value });
  }

  /** Whether the expression holds; ones that do not read the document are evaluated once. */
  private holds(expr: RuleExpression | undefined, where: DocScope): Promise<boolean> {
    if (expr === undefined || typeof expr === 'boolean') return Promise.resolve(expr === true);
    if (readsDocument(expr)) return evaluateExpression(expr, { ...this.ctx, ...where });
    let known = this.constant.get(expr);
    if (!known) {
      known = evaluateExpression(expr, this.ctx);
      this.constant.set(expr, known);
    }
    return known;
  }
}

interface DocScope {
  root?: Doc;
  prevRoot?: Doc;
  this?: unknown;
}

/** The field paths a query reads: its keys, also inside `$and`/`$or`/`$nor` (not `$elemMatch`'s). */
export function queriedPaths(query: unknown): string[] {
  if (!isPlainObject(query)) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (k === '$and' || k === '$or' || k === '$nor') {
      if (Array.isArray(v)) for (const q of v) out.push(...queriedPaths(q));
    } else if (!k.startsWith('$')) out.push(k);
  }
  return out;
}

/** The dotted path of every leaf field of a document (objects are walked, arrays are leaves). */
export function paths(doc: Doc, prefix = ''): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(doc)) {
    const path = prefix + k;
    if (isPlainObject(v) && Object.keys(v).length > 0) out.push(...paths(v, `${path}.`));
    else out.push(path);
  }
  return out;
}

export { isPlainObject };

/** What an app's rules use, for the work a request may skip (see `ruleUsage`). */
export interface RuleUsage {
  /**
   * More of the user than `%%user.id`: its data, identities or custom data (`%%user.data...`,
   * `%%user.custom_data...`, the whole `%%user`), or a `%function`, whose function sees the
   * whole user. When not, requests skip reading those.
   */
  readonly userDetails: boolean;
  /** `%%values`: only then are the app's values (and secrets behind them) resolved. */
  readonly values: boolean;
}

const usages = new WeakMap<AppConfig, RuleUsage>();

/** What the app's rules use; read once per deployed (frozen) config. */
export function ruleUsage(config: AppConfig): RuleUsage {
  let usage = usages.get(config);
  if (usage === undefined) {
    const text = JSON.stringify([config.rules, config.default_rules]);
    usage = {
      userDetails: /%%user(?!\.id\b)/.test(text) || text.includes('%function'),
      values: text.includes('%%values'),
    };
    if (Object.isFrozen(config)) usages.set(config, usage);
  }
  return usage;
}

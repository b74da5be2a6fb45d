import { loadSpec, type SpecOperation } from '../../src/http/spec';

type Json = Record<string, unknown>;

/** One malformed request: what is sent besides the operation's right token. */
export interface BadInput {
  name: string;
  /** Path parameters replaced (others come from the world). */
  params?: Record<string, string>;
  query?: string;
  contentType?: string;
  contentEncoding?: string;
  /** The raw body text (sent as is). */
  body?: string | Buffer;
}

const document = loadSpec().document;

/** Follows local `$ref`s (to a bounded depth: this is for picking property names and types). */
function resolve(node: unknown, depth = 0): Json | undefined {
  if (depth > 16 || node === null || typeof node !== 'object') return undefined;
  const ref = (node as Json).$ref;
  if (typeof ref !== 'string') return node as Json;
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((acc, key) => (acc as Json | undefined)?.[key], document);
  return resolve(target, depth + 1);
}

function rawOperation(op: SpecOperation): Json {
  return ((document.paths as Json)[op.path] as Json)[op.method] as Json;
}

/** The top-level properties of the operation's JSON request body, with their types. */
function bodyProperties(op: SpecOperation): [string, string][] {
  const body = resolve(rawOperation(op).requestBody);
  const content = body?.content as Json | undefined;
  const schema = resolve((content?.['application/json'] as Json | undefined)?.schema);
  const props = (resolve(schema)?.properties ?? {}) as Json;
  return Object.entries(props).map(([name, s]) => {
    const type = resolve(s)?.type;
    return [name, typeof type === 'string' ? type : 'string'];
  });
}

function queryParameters(op: SpecOperation): string[] {
  const params = (rawOperation(op).parameters ?? []) as unknown[];
  return params
    .map((p) => resolve(p))
    .filter((p): p is Json => p?.in === 'query' && typeof p.name === 'string')
    .map((p) => p.name as string);
}

function idParameters(op: SpecOperation): string[] {
  return [...op.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)]
    .map((m) => m[1] as string)
    .filter((name) => name !== 'groupId' && name !== 'client_app_id');
}

const WRONG: Record<string, unknown> = {
  string: 12345,
  integer: 'not a number',
  number: 'not a number',
  boolean: 'no',
  array: { not: 'an array' },
  object: 'not an object',
};

function nested(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** At least 20 malformed variants of the operation's request. */
export function badInputs(op: SpecOperation): BadInput[] {
  const props = bodyProperties(op);
  const first = props[0]?.[0] ?? 'name';
  const json = (value: Json): string => JSON.stringify(value);
  const wrongTypes = Object.fromEntries(props.map(([n, t]) => [n, WRONG[t] ?? 12345]));
  const strings = props.filter(([, t]) => t === 'string').map(([n]) => n);
  const big = 'x'.repeat(1024 * 1024);
  const nearLimit = 'y'.repeat(900 * 1024);
  const query = queryParameters(op);
  const q = query[0] ?? 'x';
  const inputs: BadInput[] = [
    { name: 'not JSON', body: '{"a":' },
    { name: 'a JSON array', body: '[1,2,3]' },
    { name: 'a JSON string', body: '"text"' },
    { name: 'a JSON number', body: '42' },
    { name: 'JSON null', body: 'null' },
    { name: 'an empty object', body: '{}' },
    { name: 'wrong types', body: json({ ...wrongTypes, [first]: WRONG.string }) },
    {
      name: '1 MB strings',
      body: json(Object.fromEntries((strings.length ? strings : [first]).map((n) => [n, big]))),
    },
    { name: 'a 900 KB string', body: json({ [first]: nearLimit }) },
    { name: 'nested 2,000 levels', body: `{"${first}":${nested(2000)}}` },
    { name: 'nested 200 levels', body: `{"${first}":${nested(200)}}` },
    { name: '__proto__ key', body: `{"__proto__":{"polluted":true},"${first}":"v"}` },
    { name: 'constructor key', body: `{"constructor":{"prototype":{"polluted":true}}}` },
    { name: '$ keys', body: json({ $where: 'sleep(1000)', $set: { a: 1 }, [first]: { $gt: '' } }) },
    { name: 'dotted keys', body: json({ 'a.b': 1, [first]: { 'x.y': { $ne: null } } }) },
    { name: 'NUL and a lone surrogate', body: `{"${first}":"a\\u0000b\\ud800"}` },
    { name: 'an infinite number', body: `{"${first}":1e400}` },
    { name: 'gzip that does not decode', contentEncoding: 'gzip', body: '{"a":1}' },
    { name: 'br that does not decode', contentEncoding: 'br', body: 'not brotli' },
    { name: 'an unknown encoding', contentEncoding: 'x-zip', body: '{"a":1}' },
    { name: 'text/plain', contentType: 'text/plain', body: 'a=1' },
    { name: 'a bracketed query key', query: `${q}[x]=1` },
    { name: 'a 400-digit query value', query: `${q}=${'9'.repeat(400)}` },
    { name: 'a repeated query key', query: `${q}=1&${q}=2` },
    { name: 'a __proto__ query key', query: '__proto__[polluted]=1&constructor[prototype]=1' },
  ];
  for (const param of idParameters(op)) {
    inputs.push(
      { name: `${param} not an ObjectId`, params: { [param]: 'zzz' } },
      { name: `${param} of 5,000 characters`, params: { [param]: 'a'.repeat(5000) } },
      { name: `${param} with NUL and a dot segment`, params: { [param]: '%00..%2F..' } },
    );
  }
  return inputs;
}

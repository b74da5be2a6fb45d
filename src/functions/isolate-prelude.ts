/**
 * JavaScript evaluated inside every function isolate, after the bson bundle has defined
 * `globalThis.BSON`. It is a closure over two host handles (`$0` the host call, `$1` the log sink)
 * and returns the entry function the host calls once, with the execution (its user, app, environment and
 * function) as canonical Extended JSON. Nothing it defines on the host side is reachable from user code: everything crosses
 * the boundary as copied strings (canonical Extended JSON, so ObjectId, Date, Decimal128 and the
 * other BSON types survive), and the host checks every request against the app it runs for.
 *
 * It is plain JavaScript in a string (not compiled TypeScript) so that what runs in the isolate is
 * exactly what is reviewed here.
 */
export const ISOLATE_PRELUDE = String.raw`
(function (hostCall, hostLog) {
  'use strict';
  const BSON = globalThis.BSON;
  const EJSON = BSON.EJSON;
  // No shared memory (Atomics.wait hangs) and no WebAssembly: functions need neither.
  for (const name of ['SharedArrayBuffer', 'Atomics', 'WebAssembly']) delete globalThis[name];

  const toWire = (value) =>
    value === undefined ? '{"$undefined":true}' : EJSON.stringify(value, { relaxed: false });
  // BSON int32 and double arrive as JS numbers (as in App Services: 'a === 1' holds for an
  // argument 1); int64, Decimal128 and the other types keep their BSON classes, so no value
  // loses precision. Canonical parsing first, so a large $numberLong never becomes a double.
  const naturalNumbers = (v) => {
    if (v === null || typeof v !== 'object') return v;
    if (v._bsontype === 'Int32' || v._bsontype === 'Double') return v.valueOf();
    if (Array.isArray(v)) return v.map(naturalNumbers);
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return v;
    for (const k of Object.keys(v)) v[k] = naturalNumbers(v[k]);
    return v;
  };
  const fromWire = (wire) => naturalNumbers(EJSON.parse(wire, { relaxed: false }));
  const unwrap = (reply) => {
    const r = fromWire(reply);
    if (typeof r.error === 'string') throw new Error(r.error);
    return r.value;
  };
  const call = async (op, payload) =>
    unwrap(
      await hostCall.apply(undefined, [op, toWire(payload)], {
        arguments: { copy: true },
        result: { promise: true, copy: true },
      }),
    );
  // For APIs that App Services defines as synchronous (context.values.get): the isolate's thread
  // waits for the host's answer.
  const callSync = (op, payload) =>
    unwrap(hostCall.applySyncPromise(undefined, [op, toWire(payload)], { arguments: { copy: true } }));

  const show = (v) => {
    if (typeof v === 'string') return v;
    if (v instanceof Error) return String(v.stack || v);
    if (v === undefined) return 'undefined';
    if (typeof v === 'function') return '[Function ' + (v.name || 'anonymous') + ']';
    try {
      return EJSON.stringify(v);
    } catch (e) {
      return String(v);
    }
  };
  const logger = (level) => (...args) =>
    hostLog.applyIgnored(undefined, [level, args.map(show).join(' ')], { arguments: { copy: true } });
  globalThis.console = Object.freeze({
    log: logger('log'),
    info: logger('log'),
    debug: logger('log'),
    warn: logger('error'),
    error: logger('error'),
  });
  globalThis.EJSON = EJSON;

  class Cursor {
    #spec;
    constructor(spec) {
      this.#spec = spec;
    }
    #option(name, value) {
      this.#spec.options[name] = value;
      return this;
    }
    sort(sort) { return this.#option('sort', sort); }
    limit(n) { return this.#option('limit', n); }
    skip(n) { return this.#option('skip', n); }
    project(projection) { return this.#option('projection', projection); }
    toArray() {
      const s = this.#spec;
      return call('db', { ...s.target, method: s.method, args: [s.first, s.options] });
    }
    async *[Symbol.asyncIterator]() {
      for (const doc of await this.toArray()) yield doc;
    }
  }

  const collection = (service, database, name) => {
    const target = { service, database, collection: name };
    const op = (method, args) => call('db', { ...target, method, args });
    const cursor = (method, first, options) =>
      new Cursor({ target, method, first, options: { ...(options || {}) } });
    return Object.freeze({
      find: (filter, projection, options) =>
        cursor('find', filter || {}, { ...(options || {}), ...(projection ? { projection } : {}) }),
      aggregate: (pipeline, options) => cursor('aggregate', pipeline || [], options),
      findOne: (filter, projection, options) =>
        op('findOne', [filter || {}, { ...(options || {}), ...(projection ? { projection } : {}) }]),
      insertOne: (doc) => op('insertOne', [doc]),
      insertMany: (docs) => op('insertMany', [docs]),
      updateOne: (filter, update, options) => op('updateOne', [filter, update, options || {}]),
      updateMany: (filter, update, options) => op('updateMany', [filter, update, options || {}]),
      deleteOne: (filter) => op('deleteOne', [filter || {}]),
      deleteMany: (filter) => op('deleteMany', [filter || {}]),
      count: (filter, options) => op('count', [filter || {}, options || {}]),
      countDocuments: (filter, options) => op('count', [filter || {}, options || {}]),
      distinct: (field, filter) => op('distinct', [field, filter || {}]),
      findOneAndUpdate: (filter, update, options) =>
        op('findOneAndUpdate', [filter, update, options || {}]),
      findOneAndReplace: (filter, replacement, options) =>
        op('findOneAndReplace', [filter, replacement, options || {}]),
      findOneAndDelete: (filter, options) => op('findOneAndDelete', [filter, options || {}]),
    });
  };

  const loaded = new Map();
  // Indirect eval: the source sees the isolate's globals only, never this closure.
  const compile = (source, name) => {
    const factory = (0, eval)(
      '(function (exports, module) {\n' + source + '\n;return exports;})',
    );
    const module = { exports: undefined };
    const assigned = factory(undefined, module);
    const fn = typeof assigned === 'function' ? assigned : module.exports;
    if (typeof fn !== 'function') {
      throw new Error('function "' + name + '" does not export a function (exports = function (…) { … })');
    }
    return fn;
  };
  const load = (name) => {
    if (!loaded.has(name)) loaded.set(name, compile(callSync('function', { name }), name));
    return loaded.get(name);
  };

  const makeContext = (setup) => Object.freeze({
    app: Object.freeze(setup.app),
    environment: Object.freeze({
      tag: setup.environment.tag,
      values: Object.freeze(setup.environment.values),
    }),
    user: setup.user,
    runningAsSystem: () => setup.runningAsSystem,
    values: Object.freeze({ get: (name) => callSync('value', { name }) }),
    functions: Object.freeze({
      execute: (name, ...args) => load(String(name))(...args),
    }),
    services: Object.freeze({
      get: (service) =>
        Object.freeze({
          db: (database) =>
            Object.freeze({
              collection: (name) => collection(String(service), String(database), String(name)),
            }),
        }),
    }),
  });

  const failure = (phase, e) =>
    JSON.stringify({
      ok: false,
      phase,
      name: e instanceof Error ? e.name : 'Error',
      message: e instanceof Error ? e.message : show(e),
    });

  // The entry the host calls once: run a configured function by name, or a source with an
  // optional expression to evaluate against its exports (the admin "execute source" console).
  return async (entryWire) => {
    const entry = fromWire(entryWire);
    globalThis.context = makeContext(entry.setup);
    let fn;
    try {
      fn = compile(entry.source, entry.name);
      if (entry.evalSource === undefined) loaded.set(entry.name, fn);
    } catch (e) {
      return failure('load', e);
    }
    let result;
    try {
      if (entry.evalSource !== undefined) {
        globalThis.exports = fn;
        result = await (0, eval)(entry.evalSource);
      } else {
        result = await fn(...entry.args);
      }
    } catch (e) {
      return failure('run', e);
    }
    try {
      return JSON.stringify({ ok: true, result: toWire(result) });
    } catch (e) {
      return failure('result', e);
    }
  };
})
`;

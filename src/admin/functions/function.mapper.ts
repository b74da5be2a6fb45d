import type { FunctionConfig } from '../../app-config/app-config.types';
import type { components } from '../../generated/openapi';

type FunctionConstructor = components['schemas']['FunctionConstructor'];
type FunctionWire = components['schemas']['Function'];

/** What a create or a replace sets: the constructor's fields, optional ones only when given. */
export type FunctionInput = Omit<FunctionConfig, '_id' | 'last_modified'>;

const OPTIONAL_KEYS = [
  'can_evaluate',
  'run_as_system',
  'run_as_user_id',
  'run_as_user_id_script_source',
  'disable_arg_logs',
] as const;

/** Copies only the fields that are set, so that nothing `undefined` reaches the stored config. */
export function pickOptional(from: Partial<FunctionConfig>): Partial<FunctionConfig> {
  const out: Record<string, unknown> = {};
  for (const key of OPTIONAL_KEYS) if (from[key] !== undefined) out[key] = from[key];
  return out;
}

export function toFunctionInput(body: FunctionConstructor): FunctionInput {
  return {
    name: body.name,
    private: body.private,
    source: body.source,
    ...pickOptional(body),
  };
}

export function toFunction(f: FunctionConfig): FunctionWire {
  return {
    _id: f._id,
    name: f.name,
    private: f.private,
    source: f.source,
    ...pickOptional(f),
    last_modified: f.last_modified,
  };
}

export function toFunctionSummary(f: FunctionConfig): components['schemas']['FunctionSummary'] {
  return { _id: f._id, name: f.name, last_modified: f.last_modified };
}

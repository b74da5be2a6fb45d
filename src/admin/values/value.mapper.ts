import type { ValueConfig } from '../../app-config/app-config.types';
import type { components } from '../../generated/openapi';

type NewValue = components['schemas']['NewValue'];
type Value = components['schemas']['Value'];
type ValueSummary = components['schemas']['ValueSummary'];

/** What a create or a replace sets; `from_secret` defaults to false as App Services does. */
export interface ValueInput {
  name: string;
  private: boolean;
  from_secret: boolean;
  value: unknown;
}

export function toValueInput(body: NewValue): ValueInput {
  return {
    name: body.name,
    private: body.private,
    from_secret: body.from_secret ?? false,
    value: body.value,
  };
}

export function toValue(v: ValueConfig): Value {
  return {
    _id: v._id,
    name: v.name,
    private: v.private,
    from_secret: v.from_secret,
    value: v.value,
  };
}

export function toValueSummary(v: ValueConfig): ValueSummary {
  return { _id: v._id, name: v.name, private: v.private };
}

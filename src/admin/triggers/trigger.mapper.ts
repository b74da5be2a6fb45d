import type { TriggerConfig } from '../../app-config/app-config.types';
import { InvalidInputError } from '../../errors/app-error';
import type { components } from '../../generated/openapi';

type TriggerConstructor = components['schemas']['TriggerConstructor'];
type TriggerWire = components['schemas']['Trigger'];

/** What a create or a replace sets; the function is a reference still to be resolved. */
export interface TriggerInput {
  name: string;
  type: string;
  disabled: boolean;
  config: Record<string, unknown>;
  function: { id?: string; name?: string };
}

/** A stored trigger with the current name of the function it calls. */
export type TriggerView = TriggerConfig & { function_name: string };

/**
 * The root `function_id`/`function_name` and `event_processors.FUNCTION.config` mirror each
 * other: either may be given, and where both are they must agree.
 */
export function toTriggerInput(body: TriggerConstructor): TriggerInput {
  const processors = (body.event_processors ?? {}) as Record<string, unknown>;
  const others = Object.keys(processors).filter((k) => k !== 'FUNCTION');
  if (others.length > 0) {
    throw new InvalidInputError(
      `event processor(s) ${others.join(', ')} not supported by this server: only FUNCTION is`,
    );
  }
  const nested = body.event_processors?.FUNCTION?.config ?? {};
  return {
    name: body.name,
    type: body.type,
    disabled: body.disabled ?? false,
    config: body.config,
    function: {
      id: mirrored(
        'function_id',
        body.function_id?.toLowerCase(),
        nested.function_id?.toLowerCase(),
      ),
      name: mirrored('function_name', body.function_name, nested.function_name),
    },
  };
}

function mirrored(field: string, root?: string, nested?: string): string | undefined {
  if (root !== undefined && nested !== undefined && root !== nested) {
    throw new InvalidInputError(
      `${field} and event_processors.FUNCTION.config.${field} disagree ("${root}" and "${nested}")`,
    );
  }
  return root ?? nested;
}

export function toTrigger(t: TriggerView): TriggerWire {
  const fn = { function_id: t.function_id, function_name: t.function_name };
  return {
    _id: t._id,
    name: t.name,
    type: t.type,
    disabled: t.disabled,
    config:
      t.type === 'AUTHENTICATION'
        ? {
            operation_type: t.config.operation_type,
            providers: [...t.config.providers] as TriggerProviders,
          }
        : { schedule: t.config.schedule, skip_catchup_events: t.config.skip_catchup_events },
    ...fn,
    event_processors: { FUNCTION: { config: { ...fn } } },
    last_modified: t.last_modified,
  };
}

type TriggerProviders = components['schemas']['AuthenticationTriggerConfig']['providers'];

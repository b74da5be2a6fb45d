import type { FunctionConfig } from '../../app-config/app-config.types';
import { functionNameUsers, functionUsers } from '../../app-config/config-references';
import { EntityList, newEntityId, unixSeconds } from '../../app-config/entities';
import { ConflictError, InvalidInputError } from '../../errors/app-error';
import type { ConfigStore } from '../../domain/deployments/config-store';
import { checkFunctionSource } from './function-source';
import type { FunctionInput } from './function.mapper';

export const FUNCTIONS = new EntityList<FunctionConfig>('functions', {
  label: 'function',
  notFound: 'FunctionNotFound',
  duplicate: 'FunctionDuplicateName',
});

/**
 * Functions of the app config. Sources are checked to parse (never run here). A function that
 * something uses cannot be deleted. Everything refers to functions by id, so a rename keeps them
 * working; only an auth provider stored with a function name alone (before ids were kept) holds
 * a rename back, until the provider is saved again.
 */
export class FunctionService {
  constructor(
    private readonly store: ConfigStore,
    private readonly now: () => Date,
  ) {}

  async list(appId: string, adminId: string): Promise<FunctionConfig[]> {
    return FUNCTIONS.of(await this.store.view(appId, adminId));
  }

  async get(appId: string, adminId: string, id: string): Promise<FunctionConfig> {
    return FUNCTIONS.find(await this.store.view(appId, adminId), id);
  }

  create(appId: string, adminId: string, input: FunctionInput): Promise<FunctionConfig> {
    checkFunctionInput(input);
    return this.store.change(appId, adminId, (config) =>
      FUNCTIONS.add(config, input.name, () => ({
        _id: newEntityId(),
        ...input,
        last_modified: unixSeconds(this.now()),
      })),
    );
  }

  /** Replaces the whole function: optional settings left out are cleared. */
  update(
    appId: string,
    adminId: string,
    id: string,
    input: FunctionInput,
  ): Promise<FunctionConfig> {
    checkFunctionInput(input);
    return this.store.change(appId, adminId, (config) =>
      FUNCTIONS.replace(config, id, input.name, (current) => {
        if (input.name !== current.name) {
          refuseIfUsed(current, functionNameUsers(config, current.name), 'renamed');
        }
        return { _id: current._id, ...input, last_modified: unixSeconds(this.now()) };
      }),
    );
  }

  delete(appId: string, adminId: string, id: string): Promise<void> {
    return this.store.change(appId, adminId, (config) => {
      FUNCTIONS.remove(config, id, (fn) => refuseIfUsed(fn, functionUsers(config, fn), 'deleted'));
    });
  }
}

export function checkFunctionInput(input: FunctionInput): void {
  FUNCTIONS.checkName(input.name);
  if (input.run_as_user_id && input.run_as_user_id_script_source) {
    throw new InvalidInputError(
      'run_as_user_id and run_as_user_id_script_source cannot be used together',
      'FunctionInvalid',
    );
  }
  checkFunctionSource(input.source);
  if (input.run_as_user_id_script_source) {
    checkFunctionSource(input.run_as_user_id_script_source, 'run_as_user_id_script_source');
  }
}

function refuseIfUsed(fn: FunctionConfig, users: string[], action: string): void {
  if (users.length > 0) {
    throw new ConflictError(
      `function "${fn.name}" cannot be ${action}: it is used by ${users.join(', ')}`,
      'FunctionInUse',
    );
  }
}

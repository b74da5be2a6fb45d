import type { FunctionConfig } from '../../app-config/app-config.types';
import { functionNameUsers, functionUsers } from '../../app-config/config-references';
import {
  checkEntityName,
  ensureUniqueName,
  entityIndex,
  findEntity,
  newEntityId,
  unixSeconds,
  type EntityKind,
} from '../../app-config/entities';
import { ConflictError, InvalidInputError } from '../../errors/app-error';
import type { ConfigStore } from '../deploy/config-store';
import { checkFunctionSource } from './function-source';
import type { FunctionInput } from './function.mapper';

const FUNCTION: EntityKind = {
  label: 'function',
  notFound: 'FunctionNotFound',
  duplicate: 'FunctionDuplicateName',
};

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
    return (await this.store.view(appId, adminId)).functions;
  }

  async get(appId: string, adminId: string, id: string): Promise<FunctionConfig> {
    return findEntity((await this.store.view(appId, adminId)).functions, id, FUNCTION);
  }

  create(appId: string, adminId: string, input: FunctionInput): Promise<FunctionConfig> {
    checkInput(input);
    return this.store.change(appId, adminId, (config) => {
      ensureUniqueName(config.functions, input.name, FUNCTION);
      const fn: FunctionConfig = {
        _id: newEntityId(),
        ...input,
        last_modified: unixSeconds(this.now()),
      };
      config.functions.push(fn);
      return fn;
    });
  }

  /** Replaces the whole function: optional settings left out are cleared. */
  update(
    appId: string,
    adminId: string,
    id: string,
    input: FunctionInput,
  ): Promise<FunctionConfig> {
    checkInput(input);
    return this.store.change(appId, adminId, (config) => {
      const index = entityIndex(config.functions, id, FUNCTION);
      const current = config.functions[index] as FunctionConfig;
      ensureUniqueName(config.functions, input.name, FUNCTION, current._id);
      if (input.name !== current.name) {
        refuseIfUsed(current, functionNameUsers(config, current.name), 'renamed');
      }
      const fn: FunctionConfig = {
        _id: current._id,
        ...input,
        last_modified: unixSeconds(this.now()),
      };
      config.functions[index] = fn;
      return fn;
    });
  }

  delete(appId: string, adminId: string, id: string): Promise<void> {
    return this.store.change(appId, adminId, (config) => {
      const index = entityIndex(config.functions, id, FUNCTION);
      const fn = config.functions[index] as FunctionConfig;
      refuseIfUsed(fn, functionUsers(config, fn), 'deleted');
      config.functions.splice(index, 1);
    });
  }
}

function checkInput(input: FunctionInput): void {
  checkEntityName(FUNCTION, input.name);
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

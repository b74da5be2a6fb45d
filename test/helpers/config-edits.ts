import mongoose from 'mongoose';
import type { AppConfig, ValueConfig } from '../../src/app-config/app-config.types';
import type { TestServer } from './test-server';

/**
 * Config edits made through the same ConfigStore path the admin endpoints use (draft if the
 * admin has one open, else an immediate deploy), for tests of the deploy machinery itself.
 */
export function addValue(
  srv: TestServer,
  appId: string,
  adminId: string,
  name: string,
  value: unknown = name,
): Promise<ValueConfig> {
  return srv.deps.configStore.change(appId, adminId, (config: AppConfig) => {
    const entity: ValueConfig = {
      _id: new mongoose.Types.ObjectId().toHexString(),
      name,
      private: false,
      from_secret: false,
      value,
      last_modified: Math.floor(Date.now() / 1000),
    };
    config.values.push(entity);
    return entity;
  });
}

export function setValue(
  srv: TestServer,
  appId: string,
  adminId: string,
  name: string,
  value: unknown,
): Promise<void> {
  return srv.deps.configStore.change(appId, adminId, (config: AppConfig) => {
    const entity = config.values.find((v) => v.name === name);
    if (!entity) throw new Error(`no value ${name}`);
    entity.value = value;
  });
}

export async function deployedValueNames(srv: TestServer, appId: string): Promise<string[]> {
  const { config } = await srv.deps.configStore.deployed(appId);
  return config.values.map((v) => v.name).sort();
}

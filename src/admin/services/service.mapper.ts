import type { ServiceConfig } from '../../app-config/app-config.types';
import type { components } from '../../generated/openapi';

type AtlasConfig = components['schemas']['AtlasClusterServiceConfig'];
type AtlasConfigUpdate = components['schemas']['AtlasClusterServiceConfigUpdate'];
type ServiceWire = components['schemas']['Service'];

const CONFIG_KEYS = [
  'clusterName',
  'readPreference',
  'readPreferenceTagSets',
  'wireProtocolEnabled',
  'clusterId',
  'groupName',
  'orgName',
] as const;

/** The documented config fields that are set (never `undefined`, which must not be stored). */
export function pickClusterConfig(from: AtlasConfigUpdate): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) if (from[key] !== undefined) out[key] = from[key];
  return out;
}

export function toClusterConfig(s: ServiceConfig): AtlasConfig {
  return pickClusterConfig(s.config) as AtlasConfig;
}

export function toService(s: ServiceConfig): ServiceWire {
  return {
    _id: s._id,
    name: s.name,
    type: s.type,
    version: s.version,
    config: toClusterConfig(s),
    ...(s.secret_config ? { secret_config: { ...s.secret_config } } : {}),
    last_modified: s.last_modified,
  };
}

export function toServiceSummary(s: ServiceConfig): components['schemas']['ServiceSummary'] {
  return {
    _id: s._id,
    name: s.name,
    type: s.type,
    version: s.version,
    last_modified: s.last_modified,
  };
}

import type { AppConfig, ServiceConfig } from '../../app-config/app-config.types';
import type { AppSummary } from '../../domain/apps/app.service';
import type { components } from '../../generated/openapi';

type AppDescription = components['schemas']['AppDescription'];

/** The cluster a data source names (`clusterName`), "" when it names none. */
function clusterOf(service: ServiceConfig | undefined): string {
  const name = service?.config.clusterName;
  return typeof name === 'string' ? name : '';
}

/** The folder part of a function name with `/` in it (as the CLI lays functions out), else "". */
function folderOf(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash < 0 ? '' : name.slice(0, slash);
}

/**
 * What the App Services CLI's `apps describe` prints: names and switches only. Provider settings,
 * value contents and secrets are never part of it; what this server does not serve is empty.
 */
export function toAppDescription(
  app: AppSummary,
  config: AppConfig,
  consoleUrl: string,
): AppDescription {
  const cud = config.custom_user_data;
  const cudService = config.services.find((s) => s._id === cud.mongo_service_id);
  return {
    client_app_id: app.client_app_id,
    name: app.name,
    realm_url: consoleUrl,
    data_sources: config.services.map((s) => ({
      name: s.name,
      type: s.type,
      data_source: clusterOf(s),
    })),
    http_endpoints: [],
    services: [],
    auth_providers: config.auth_providers.map((p) => ({
      name: p.name,
      type: p.type,
      enabled: !p.disabled,
    })),
    custom_user_data: {
      enabled: cud.enabled,
      data_source: clusterOf(cudService),
      database: cud.database_name,
      collection: cud.collection_name,
      user_id_field: cud.user_id_field,
    },
    values: config.values.map((v) => v.name),
    hosting: { enabled: false, status: '', url: '' },
    functions: config.functions.map((f) => ({ name: f.name, path: folderOf(f.name) })),
    sync: { state: '', data_source: '', database: '', development_mode_enabled: false },
    graphql: { url: '', custom_resolvers: [] },
    environment: (config.environment.tag || app.environment || '') as AppDescription['environment'],
    event_subscription: config.triggers.map((t) => ({
      name: t.name,
      type: t.type,
      enabled: !t.disabled,
    })),
    log_forwarder: [],
  };
}
